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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    static final int SECOND = 100;

    @TempDir
    static Path state;
    static LocalStack stack;
    static Process replica;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of("..").toAbsolutePath().normalize())
                .portOffset(OFFSET).components(EnumSet.of(Component.POSTGRES, Component.KV, Component.GATEWAY)).build();
        stack.start();
        replica = startReplica();
        awaitReady("http://127.0.0.1:" + (stack.port(Component.GATEWAY) + SECOND) + "/q/health/ready");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (replica != null) {
            replica.destroy();
            replica.waitFor(20, TimeUnit.SECONDS);
            replica.destroyForcibly();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    /** The second replica runs the same command as the first, on other ports. */
    static Process startReplica() throws Exception {
        ProcessHandle first = stack.process(Component.GATEWAY).orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(first.info().command().orElseThrow());
        for (String arg : first.info().arguments().orElseThrow()) {
            if (arg.startsWith("-Dquarkus.http.port=")) {
                arg = "-Dquarkus.http.port=" + (stack.port(Component.GATEWAY) + SECOND);
            } else if (arg.startsWith("-Doutpost.gateway.worker-port=")) {
                arg = "-Doutpost.gateway.worker-port=" + (stack.ports().workerPort() + SECOND);
            } else if (arg.startsWith("-Doutpost.local-stack.home=")) {
                continue;
            }
            command.add(arg);
        }
        return new ProcessBuilder(command).directory(Files.createDirectories(state.resolve("replica")).toFile())
                .redirectErrorStream(true).redirectOutput(state.resolve("replica.log").toFile()).start();
    }

    static void awaitReady(String url) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("replica not ready: " + Files.readString(state.resolve("replica.log")));
    }

    static void deploy(String name) throws Exception {
        Path file = state.resolve(name + ".js");
        Files.writeString(file, "export default { fetch() { return new Response('" + name + "'); } };");
        new WorkerDeployer(new ControlPlaneClient(stack.apiBaseUrl(), stack.credentials().accountId(),
                stack.credentials().apiToken(), new ObjectMapper()), new ObjectMapper())
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
