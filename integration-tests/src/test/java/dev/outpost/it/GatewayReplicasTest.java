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
import java.time.LocalDate;
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
    static final HttpClient http = ItStack.HTTP;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.KV, Component.GATEWAY).build();
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

    static HttpResponse<String> api(int apiPort, String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/client/v4" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Milliseconds until the replica on {@code apiPort} refuses {@code token} (401); fails after 5 s. */
    static long awaitRefused(int apiPort, String token) throws Exception {
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> r = api(apiPort, "GET", "/user/tokens/verify", token, null);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (r.statusCode() == 401) {
                return millis;
            }
            if (millis > 5_000) {
                throw new AssertionError("port " + apiPort + " still accepts the token: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(20);
        }
    }

    /**
     * API-1: deleting or rolling a token on one replica ends it on the other at once (NOTIFY on commit), not when the
     * other replica's token cache (10 s) would have run out; the rolled token's new value works on both.
     */
    @Test
    void revokedAndRolledTokensStopWorkingOnEveryReplicaAtOnce() throws Exception {
        int apiA = stack.port(Component.GATEWAY);
        int apiB = apiA + SECOND;
        String account = stack.credentials().accountId();
        ObjectMapper json = new ObjectMapper();
        String admin = stack.credentials().apiToken();

        HttpResponse<String> created = api(apiA, "POST", "/accounts/" + account + "/tokens", admin,
                "{\"name\":\"to revoke\",\"scopes\":[\"workers:read\"]}");
        assertEquals(200, created.statusCode(), created.body());
        String id = json.readTree(created.body()).path("result").path("id").asText();
        String value = json.readTree(created.body()).path("result").path("value").asText();
        // B authenticates (and caches) the token before A revokes it.
        assertEquals(200, api(apiB, "GET", "/user/tokens/verify", value, null).statusCode());
        assertEquals(200, api(apiA, "DELETE", "/accounts/" + account + "/tokens/" + id, admin, null).statusCode());
        long revoked = awaitRefused(apiB, value);
        assertTrue(revoked < 1_000, "replica B refused the deleted token after " + revoked + " ms");

        HttpResponse<String> second = api(apiB, "POST", "/accounts/" + account + "/tokens", admin,
                "{\"name\":\"to roll\",\"scopes\":[\"workers:read\"]}");
        String rollId = json.readTree(second.body()).path("result").path("id").asText();
        String oldValue = json.readTree(second.body()).path("result").path("value").asText();
        assertEquals(200, api(apiA, "GET", "/user/tokens/verify", oldValue, null).statusCode());
        HttpResponse<String> rolled = api(apiB, "PUT", "/accounts/" + account + "/tokens/" + rollId + "/value", admin, "{}");
        assertEquals(200, rolled.statusCode(), rolled.body());
        String newValue = json.readTree(rolled.body()).path("result").asText();
        assertTrue(!newValue.isEmpty() && !newValue.equals(oldValue), rolled.body());
        long rolledOut = awaitRefused(apiA, oldValue);
        assertTrue(rolledOut < 1_000, "replica A refused the rolled token's old value after " + rolledOut + " ms");
        for (int port : new int[] {apiA, apiB}) {
            HttpResponse<String> verify = api(port, "GET", "/user/tokens/verify", newValue, null);
            assertEquals(200, verify.statusCode(), verify.body());
            assertEquals(rollId, json.readTree(verify.body()).path("result").path("id").asText());
        }
    }
}
