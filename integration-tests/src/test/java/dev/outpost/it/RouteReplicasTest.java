package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
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
 * Two gateway replicas on one PostgreSQL: a route added, moved or removed through one replica's API (API-5), and a
 * worker's workers.dev switch, change what the other replica's ingress serves within a second (LISTEN/NOTIFY).
 */
class RouteReplicasTest {
    static final int OFFSET = 11100;
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



    static void deploy(String name) throws Exception {
        Path file = state.resolve(name + ".js");
        Files.writeString(file, "export default { fetch() { return new Response('" + name + "'); } };");
        new WorkerDeployer(ItStack.controlPlane(stack, new ObjectMapper()), new ObjectMapper())
                .deploy(new DeployRequest(file, name, Map.of(), Map.of(), LocalDate.of(2025, 1, 1), List.of(), null));
    }

    static void api(int apiPort, String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/client/v4"
                        + "/accounts/" + stack.credentials().accountId() + path))
                .header("Authorization", "Bearer " + stack.credentials().apiToken()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    /** Milliseconds until the ingress on {@code workerPort} answers {@code expected} ("HTTP 404" for a 404). */
    static long awaitAnswer(int workerPort, String host, String expected) throws Exception {
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + workerPort + "/"))
                    .header("Host", host).build(), HttpResponse.BodyHandlers.ofString());
            String got = r.statusCode() == 200 ? r.body() : "HTTP " + r.statusCode();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (got.equals(expected)) {
                return millis;
            }
            if (millis > 5_000) {
                throw new AssertionError("port " + workerPort + " still answers " + got + " for " + host);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void routeChangesThroughOneReplicaAreLiveOnTheOtherWithinASecond() throws Exception {
        int apiA = stack.port(Component.GATEWAY);
        int apiB = apiA + SECOND;
        int workersA = stack.ports().workerPort();
        int workersB = workersA + SECOND;
        deploy("route-one");
        deploy("route-two");
        awaitAnswer(workersB, "route-one.localhost", "route-one");

        api(apiA, "PUT", "/workers/scripts/route-one/routes", "[{\"pattern\":\"shop.replicas.test/*\"}]");
        assertTrue(awaitAnswer(workersB, "shop.replicas.test", "route-one") < 1_000, "route added via A, live on B");

        api(apiB, "PUT", "/workers/scripts/route-one/routes", "[]");
        api(apiB, "PUT", "/workers/scripts/route-two/routes", "[{\"pattern\":\"shop.replicas.test/*\"}]");
        assertTrue(awaitAnswer(workersA, "shop.replicas.test", "route-two") < 1_000, "route moved via B, live on A");

        api(apiA, "POST", "/workers/scripts/route-two/subdomain", "{\"enabled\":false}");
        assertTrue(awaitAnswer(workersB, "route-two.localhost", "HTTP 404") < 1_000, "workers.dev off via A, seen by B");
        assertEquals("route-two", http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + workersB + "/"))
                .header("Host", "shop.replicas.test").build(), HttpResponse.BodyHandlers.ofString()).body());

        api(apiA, "PUT", "/workers/scripts/route-two/routes", "[]");
        assertTrue(awaitAnswer(workersB, "shop.replicas.test", "HTTP 404") < 1_000, "route removed via A, gone on B");
    }
}
