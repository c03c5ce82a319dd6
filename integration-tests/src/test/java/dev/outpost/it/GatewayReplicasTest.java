package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.DeployRequest;
import dev.outpost.localstack.deploy.WorkerDeployer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway replicas on one PostgreSQL: a deploy or delete made through either one is served by
 * the other within a second, without a restart (PostgreSQL LISTEN/NOTIFY).
 */
class GatewayReplicasTest {
    static final int OFFSET = 6000;
    static final int SECOND = GatewayReplica.PORT_SHIFT;

    @TempDir
    static Path state;
    static LocalStack stack;
    static GatewayReplica replica;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of("..").toAbsolutePath().normalize())
                .portOffset(OFFSET).components(EnumSet.of(Component.POSTGRES, Component.KV, Component.GATEWAY)).build();
        stack.start();
        replica = GatewayReplica.start(stack, state);
    }

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }



    static WorkerDeployer deployerVia(int apiPort) {
        return new WorkerDeployer(new ControlPlaneClient("http://127.0.0.1:" + apiPort + "/client/v4",
                stack.credentials().accountId(), stack.credentials().apiToken(), new ObjectMapper()), new ObjectMapper());
    }

    static void deploy(WorkerDeployer deployer, String name, String text) throws Exception {
        Path file = state.resolve(name + "-" + text + ".js");
        Files.writeString(file, "export default { fetch() { return new Response('" + text + "'); } };");
        deployer.deploy(new DeployRequest(file, name, Map.of(), Map.of(), LocalDate.of(2025, 1, 1), List.of(), null));
    }

    static HttpResponse<String> call(int workerPort, String worker) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + workerPort + "/"))
                .header("Host", worker + ".localhost").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Milliseconds until {@code expected} is what the replica on {@code workerPort} answers. */
    static long awaitAnswer(int workerPort, String worker, int status, String body) throws Exception {
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> r = call(workerPort, worker);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (r.statusCode() == status && (body == null || r.body().equals(body))) {
                return millis;
            }
            if (millis > 5_000) {
                throw new AssertionError("port " + workerPort + " still answers " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void deploysAndDeletesThroughEitherReplicaAreLiveOnTheOtherWithinASecond() throws Exception {
        int apiA = stack.port(Component.GATEWAY);
        int apiB = apiA + SECOND;
        int workerA = 8787 + OFFSET;
        int workerB = workerA + SECOND;

        deploy(deployerVia(apiA), "replicated", "v1");
        assertEquals("v1", call(workerA, "replicated").body());
        long pickup = awaitAnswer(workerB, "replicated", 200, "v1");
        assertTrue(pickup < 1_000, "replica B picked up the deploy after " + pickup + " ms");

        deploy(deployerVia(apiB), "replicated", "v2");
        assertEquals("v2", call(workerB, "replicated").body());
        pickup = awaitAnswer(workerA, "replicated", 200, "v2");
        assertTrue(pickup < 1_000, "replica A picked up the new version after " + pickup + " ms");

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiA
                + "/client/v4/accounts/" + stack.credentials().accountId() + "/workers/scripts/replicated"))
                .header("Authorization", "Bearer " + stack.credentials().apiToken()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deleted.statusCode(), deleted.body());
        pickup = awaitAnswer(workerB, "replicated", 404, null);
        assertTrue(pickup < 1_000, "replica B dropped the deleted worker after " + pickup + " ms");
    }
}
