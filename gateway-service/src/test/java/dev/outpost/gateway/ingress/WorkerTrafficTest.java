package dev.outpost.gateway.ingress;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.KV;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worker traffic on the worker port: routing, env, errors, KV binding, tracing. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class WorkerTrafficTest {

    @Inject
    WorkerIngressServer ingress;

    @Inject
    InMemorySpanExporter spans;

    private RequestSpecification worker(String name) {
        return given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", name + ".localhost");
    }

    private String createNamespace(String title) {
        return given().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                .body("{\"title\":\"" + title + "\"}")
                .post("/client/v4/accounts/" + ACCOUNT + "/storage/kv/namespaces").then().statusCode(200)
                .extract().path("result.id");
    }

    @Test
    void aDeployedWorkerAnswersAtItsHostWithItsVars() {
        // RT-1, RT-3: module worker, plain_text and json vars in env
        ScriptUploads.deploy("greeter", "[{\"type\":\"plain_text\",\"name\":\"GREETING\",\"text\":\"Hello\"},"
                + "{\"type\":\"json\",\"name\":\"CONF\",\"json\":{\"n\":3}}]", """
                export default {
                  async fetch(request, env) {
                    const url = new URL(request.url);
                    return new Response(`${env.GREETING} ${url.pathname} ${env.CONF.n} ${request.method}`,
                      { status: 201, headers: { 'x-worker': 'greeter' } });
                  }
                };""").statusCode(200);
        worker("greeter").get("/path").then().statusCode(201).body(equalTo("Hello /path 3 GET"))
                .header("x-worker", "greeter").header("cf-ray", matchesPattern("[0-9a-f]{16}-.+"));
    }

    @Test
    void anUnknownHostIs404() {
        worker("nobody-here").get("/").then().statusCode(404);
    }

    @Test
    void aThrowingWorkerGets500AndTheGatewayKeepsServing() {
        ScriptUploads.deploy("thrower", "[]", """
                export default {
                  fetch(request) {
                    if (new URL(request.url).pathname === '/boom') throw new Error('kaboom');
                    return new Response('still here');
                  }
                };""").statusCode(200);
        worker("thrower").get("/boom").then().statusCode(500)
                .body(not(containsString("Exception"))).body(not(containsString("kaboom")));
        worker("thrower").get("/").then().statusCode(200).body(equalTo("still here"));
    }

    @Test
    void kvBindingRoundTripsThroughGrpc() {
        String ns = createNamespace("traffic-kv");
        ScriptUploads.deploy("counter", "[{\"type\":\"kv_namespace\",\"name\":\"KV\",\"namespace_id\":\"" + ns + "\"}]",
                """
                export default {
                  async fetch(request, env) {
                    const n = Number(await env.KV.get('count') ?? 0) + 1;
                    await env.KV.put('count', String(n));
                    return new Response('count=' + await env.KV.get('count'));
                  }
                };""").statusCode(200);
        worker("counter").get("/").then().statusCode(200).body(equalTo("count=1"));
        worker("counter").get("/").then().statusCode(200).body(equalTo("count=2"));
    }

    @Test
    void aDeadKvServiceFailsTheCallQuicklyWithAClearError() throws Exception {
        String ns = createNamespace("dead-kv");
        ScriptUploads.deploy("dead-kv", "[{\"type\":\"kv_namespace\",\"name\":\"KV\",\"namespace_id\":\"" + ns + "\"}]",
                """
                export default {
                  async fetch(request, env) {
                    try { await env.KV.get('x'); return new Response('no error?'); }
                    catch (e) { return new Response(String(e.message), { status: 502 }); }
                  }
                };""").statusCode(200);
        KV.stop();
        try {
            long started = System.nanoTime();
            worker("dead-kv").get("/").then().statusCode(502).body(containsString("KV GET failed: 5"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 4_000, "the failure took " + millis + " ms");
        } finally {
            KV.start(GatewayTestResources.kvPort);
            awaitKvReachable();
        }
    }

    /**
     * The gateway's gRPC channels reconnect after the KV server comes back: the control plane's (polled through the
     * namespaces API) and the workers' binding channel (polled through the dead-kv worker, which answers 200 once
     * its get works), each on its own schedule.
     */
    private void awaitKvReachable() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            int status = given().header("Authorization", "Bearer " + TOKEN)
                    .get("/client/v4/accounts/" + ACCOUNT + "/storage/kv/namespaces").statusCode();
            if (status == 200 && worker("dead-kv").get("/").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the KV server did not become reachable again");
    }

    @Test
    void theTraceOfAWorkerRequestReachesTheKvService() throws InterruptedException {
        String ns = createNamespace("trace-kv");
        ScriptUploads.deploy("tracer", "[{\"type\":\"kv_namespace\",\"name\":\"KV\",\"namespace_id\":\"" + ns + "\"}]",
                "export default { async fetch(r, env) { await env.KV.get('k'); return new Response('ok'); } };")
                .statusCode(200);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        worker("tracer").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").get("/").then()
                .statusCode(200);
        assertTrue(KV.traceparents().stream().anyMatch(tp -> tp.contains(traceId)),
                "kv-service saw traceparents " + KV.traceparents());
        // Spans end as the response completes: wait briefly for them to be exported.
        long deadline = System.currentTimeMillis() + 5_000;
        List<SpanData> finished = spans.getFinishedSpanItems();
        while (System.currentTimeMillis() < deadline && !(hasSpan(finished, traceId, "worker tracer")
                && finished.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(traceId)))) {
            Thread.sleep(50);
            finished = spans.getFinishedSpanItems();
        }
        assertTrue(hasSpan(finished, traceId, "worker tracer"), "spans: " + names(finished));
        assertTrue(finished.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(traceId)
                && s.getName().equals("outpost.kv.v1.KvService/Get")),
                "no gRPC client span in the request's trace: " + names(finished));
    }

    private static boolean hasSpan(List<SpanData> spans, String traceId, String name) {
        return spans.stream().anyMatch(s -> s.getTraceId().equals(traceId) && s.getName().equals(name));
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(s -> s.getName() + "/" + s.getKind() + "/" + s.getTraceId()).toList();
    }
}
