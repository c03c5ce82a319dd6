package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton, all real: PostgreSQL, kv-service (Infinispan) and the gateway run as
 * processes started by the same launcher code as {@code bin/outpost up}; a worker is uploaded
 * through the control-plane API and called over HTTP; its KV calls cross gRPC to kv-service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest {
    static final int OFFSET = 2000;

    @TempDir
    static Path state;
    static Path scripts;
    static LocalStack stack;
    static WorkerDeployer deployer;
    static final HttpClient http = ItStack.HTTP;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.KV, Component.GATEWAY)
                .build();
        stack.start();
        deployer = new WorkerDeployer(ItStack.controlPlane(stack, new ObjectMapper()), new ObjectMapper());
        scripts = Files.createDirectories(state.resolve("scripts"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    static void deploy(String name, String source, Map<String, String> vars, Map<String, String> kv) throws Exception {
        Path file = scripts.resolve(name + ".js");
        Files.writeString(file, source);
        deployer.deploy(new DeployRequest(file, name, vars, kv, LocalDate.of(2025, 1, 1), List.of(), null));
    }

    static HttpResponse<String> call(String worker, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8787 + OFFSET) + path))
                .header("Host", worker + ".localhost").timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void everyStartedServiceIsLiveAndReady() throws Exception {
        for (Component c : List.of(Component.KV, Component.GATEWAY)) {
            for (String probe : List.of("/q/health/live", "/q/health/ready")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.url(c) + probe)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), c + probe + ": " + r.body());
            }
        }
    }

    @Test
    @Order(2)
    void aWorkerWritesAndReadsKvThroughTheRealKvService() throws Exception {
        // RT-1, RT-3, KV-2, KV-5: env var + KV binding over gRPC to Infinispan, as real promises
        deploy("kv-e2e", """
                export default {
                  async fetch(request, env) {
                    const key = new URL(request.url).pathname;
                    await env.KV.put(key, env.PREFIX + key, { metadata: { by: 'e2e' } });
                    const { value, metadata } = await env.KV.getWithMetadata(key);
                    const listed = await env.KV.list({ prefix: '/' });
                    return Response.json({ value, metadata, keys: listed.keys.map(k => k.name) });
                  }
                };""", Map.of("PREFIX", "seen:"), Map.of("KV", "e2e-namespace"));
        HttpResponse<String> first = call("kv-e2e", "/a");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("{\"value\":\"seen:/a\",\"metadata\":{\"by\":\"e2e\"},\"keys\":[\"/a\"]}", first.body());
        HttpResponse<String> second = call("kv-e2e", "/b");
        assertEquals("{\"value\":\"seen:/b\",\"metadata\":{\"by\":\"e2e\"},\"keys\":[\"/a\",\"/b\"]}", second.body());
    }

    @Test
    @Order(3)
    void aThrowingWorkerGets500AndItsErrorGoesToTheLogWithTheWorkerName() throws Exception {
        deploy("thrower-e2e", """
                export default {
                  fetch(request) {
                    if (new URL(request.url).pathname === '/boom') throw new TypeError('e2e-kaboom');
                    return new Response('fine');
                  }
                };""", Map.of(), Map.of());
        HttpResponse<String> boom = call("thrower-e2e", "/boom");
        assertEquals(500, boom.statusCode());
        assertFalse(boom.body().contains("Exception") || boom.body().contains("at dev."), boom.body());
        assertEquals("fine", call("thrower-e2e", "/").body());
        String log = Files.readString(stack.logFile(Component.GATEWAY));
        assertTrue(log.lines().anyMatch(l -> l.contains("thrower-e2e") && l.contains("e2e-kaboom")),
                "the gateway log names the worker and the JS error");
    }

    @Test
    @Order(4)
    void killingKvServiceFailsKvCallsQuicklyWithAClearError() throws Exception {
        deploy("kv-dead", """
                export default {
                  async fetch(request, env) {
                    // a fresh key each time: the gateway's near cache must not answer it
                    try { await env.KV.get('k-' + crypto.randomUUID()); return new Response('no error'); }
                    catch (e) { return new Response(e.message, { status: 503 }); }
                  }
                };""", Map.of(), Map.of("KV", "e2e-namespace"));
        assertEquals("no error", call("kv-dead", "/").body());
        ProcessHandle kv = stack.process(Component.KV).orElseThrow();
        kv.destroyForcibly();
        kv.onExit().get();
        long started = System.nanoTime();
        HttpResponse<String> failed = call("kv-dead", "/");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, failed.statusCode());
        assertTrue(failed.body().startsWith("KV GET failed: 50"), failed.body());
        assertTrue(millis < 10_000, "took " + millis + " ms");
        // the gateway keeps serving workers that do not need KV
        assertEquals("fine", call("thrower-e2e", "/").body());
    }
}
