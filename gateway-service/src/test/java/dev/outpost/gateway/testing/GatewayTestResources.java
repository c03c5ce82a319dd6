package dev.outpost.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts what a gateway test needs: a real PostgreSQL and an in-memory KV gRPC server, and
 * configures the bootstrap account the tests authenticate as.
 */
public class GatewayTestResources implements QuarkusTestResourceLifecycleManager {
    public static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    public static final String TOKEN = "test-token-for-the-bootstrap-account";

    /** Shared with the tests so they can stop the KV server or read what it saw. */
    public static final InMemoryKvServer KV = new InMemoryKvServer();
    public static volatile int kvPort;

    private final EmbeddedPostgresResource postgres = new EmbeddedPostgresResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(postgres.start());
        try {
            kvPort = KV.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("quarkus.grpc.clients.kv.host", "127.0.0.1");
        config.put("quarkus.grpc.clients.kv.port", Integer.toString(kvPort));
        // in test mode Quarkus points gRPC clients at the test port unless told otherwise
        config.put("quarkus.grpc.clients.kv.test-port", Integer.toString(kvPort));
        config.put("outpost.gateway.bootstrap.account-id", ACCOUNT);
        config.put("outpost.gateway.bootstrap.token", TOKEN);
        config.put("outpost.gateway.worker-port", "0");
        config.put("outpost.gateway.secrets-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        config.put("outpost.gateway.binding-timeout", "2s");
        config.put("outpost.gateway.wall-limit", "5s");
        return config;
    }

    @Override
    public void stop() {
        KV.stop();
        postgres.stop();
    }
}
