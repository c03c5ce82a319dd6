package dev.outpost.queue;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

/**
 * A real single-node Kafka broker (KRaft) started as a process by the local-stack launcher, at port offset 9000
 * (broker on 28092), for tests that need queue-service to store and deliver messages. The service's gRPC port is
 * fixed too, so that the test's stand-in gateway (served by the same app) is reachable at a known address.
 */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {
    static final int OFFSET = 9000;
    static final int SERVICE_PORT = 8085 + OFFSET;
    private LocalStack stack;

    @Override
    public Map<String, String> start() {
        try {
            Path state = Files.createTempDirectory("queue-kafka-test");
            stack = LocalStack.builder().stateDir(state).repoDir(Path.of("..").toAbsolutePath().normalize())
                    .portOffset(OFFSET).components(EnumSet.of(Component.KAFKA)).build();
            stack.start();
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + stack.port(Component.KAFKA),
                    "quarkus.http.test-port", Integer.toString(SERVICE_PORT),
                    "quarkus.grpc.clients.gateway.port", Integer.toString(SERVICE_PORT));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.stop();
        }
    }
}
