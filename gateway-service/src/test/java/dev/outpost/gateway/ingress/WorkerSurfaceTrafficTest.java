package dev.outpost.gateway.ingress;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The worker surface over real sockets: service-worker uploads (RT-2), request.cf and the edge headers (RT-9),
 * /cdn-cgi/handler/scheduled, service bindings with fetch and JS RPC between deployed workers (SVC-1..SVC-3)
 * and the loop limit, error pages (RT-14).
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class WorkerSurfaceTrafficTest {

    @Inject
    WorkerIngressServer ingress;

    private RequestSpecification worker(String name) {
        return given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", name + ".localhost");
    }

    @Test
    void aServiceWorkerScriptUploadedAsBodyPartServesWithBindingsAsGlobals() {
        // RT-2: body_part upload, addEventListener('fetch'), bindings as globals
        ScriptUploads.uploadServiceWorker("sw-hello", "[{\"type\":\"plain_text\",\"name\":\"GREETING\",\"text\":\"Howdy\"}]", """
                addEventListener('fetch', (event) => {
                  event.respondWith(new Response(`${GREETING} from ${new URL(event.request.url).pathname}`));
                });
                addEventListener('scheduled', (event) => { if (event.cron !== 'sw') throw new Error('cron ' + event.cron); });
                """).statusCode(200).body("success", equalTo(true));
        worker("sw-hello").get("/sw").then().statusCode(200).body(equalTo("Howdy from /sw"));
        worker("sw-hello").get("/cdn-cgi/handler/scheduled?cron=sw").then().statusCode(200).body(equalTo("ok"));
    }

    @Test
    void uploadsMustMatchTheirSyntax() {
        // RT-2: body_part must be a script, main_module an ES module
        given().header("Authorization", "Bearer " + TOKEN)
                .multiPart("metadata", "blob", "{\"body_part\":\"w.js\"}".getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("w.js", "w.js", "export default {}".getBytes(StandardCharsets.UTF_8), "application/javascript+module")
                .put("/client/v4/accounts/" + ACCOUNT + "/workers/scripts/sw-bad").then().statusCode(400)
                .body("errors[0].code", equalTo(10021)).body("errors[0].message", containsString("must be a script"));
        given().header("Authorization", "Bearer " + TOKEN)
                .multiPart("metadata", "blob", "{\"main_module\":\"w.js\"}".getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("w.js", "w.js", "addEventListener('fetch', () => {})".getBytes(StandardCharsets.UTF_8),
                        "application/javascript")
                .put("/client/v4/accounts/" + ACCOUNT + "/workers/scripts/sw-bad").then().statusCode(400)
                .body("errors[0].message", containsString("must be an ES module"));
        ScriptUploads.uploadServiceWorker("sw-empty", "[]", "const nothing = 1;").statusCode(400)
                .body("errors[0].message", containsString("No event handlers were registered"));
    }

    @Test
    void commonJsPartsNextToAnEsMainModuleLoad() {
        // wrangler's CommonJS rule: non-main parts uploaded as application/javascript
        given().header("Authorization", "Bearer " + TOKEN)
                .multiPart("metadata", "blob", "{\"main_module\":\"index.js\",\"compatibility_date\":\"2025-01-01\"}"
                        .getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("index.js", "index.js", ("import lib from './lib.cjs';\n"
                        + "export default { fetch() { return new Response(lib.greet('cjs')); } };").getBytes(StandardCharsets.UTF_8),
                        "application/javascript+module")
                .multiPart("lib.cjs", "lib.cjs", "exports.greet = (n) => 'hello ' + n;".getBytes(StandardCharsets.UTF_8),
                        "application/javascript")
                .put("/client/v4/accounts/" + ACCOUNT + "/workers/scripts/cjs-parts").then().statusCode(200);
        worker("cjs-parts").get("/").then().statusCode(200).body(equalTo("hello cjs"));
    }

    @Test
    void requestCfAndEdgeHeadersDescribeTheClientAndCannotBeForged() {
        // RT-9
        ScriptUploads.deploy("cf-echo", "[]", """
                export default {
                  fetch(request) {
                    const h = (n) => request.headers.get(n);
                    return Response.json({ cf: request.cf, ip: h('cf-connecting-ip'), xff: h('x-forwarded-for'),
                      country: h('cf-ipcountry'), ray: h('cf-ray'), visitor: h('cf-visitor'), proto: h('x-forwarded-proto') });
                  },
                };""").statusCode(200);
        Response response = worker("cf-echo").header("Accept-Encoding", "gzip, br").header("CF-Connecting-IP", "6.6.6.6")
                .header("CF-IPCountry", "XX").header("X-Forwarded-For", "7.7.7.7").get("/");
        response.then().statusCode(200).header("cf-ray", matchesPattern("[0-9a-f]{16}-.+"));
        JsonPath json = response.jsonPath();
        assertEquals("LCL", json.getString("cf.colo"));
        assertEquals("HTTP/1.1", json.getString("cf.httpProtocol"));
        assertEquals("", json.getString("cf.tlsVersion"));
        assertEquals("", json.getString("cf.tlsCipher"));
        assertTrue(json.getString("cf.clientAcceptEncoding").startsWith("gzip, br"), json.getString("cf.clientAcceptEncoding"));
        assertEquals(null, json.getString("cf.country"));
        assertEquals("127.0.0.1", json.getString("ip"));
        assertEquals("127.0.0.1", json.getString("xff"));
        assertEquals(null, json.getString("country"));
        assertEquals("{\"scheme\":\"http\"}", json.getString("visitor"));
        assertEquals("http", json.getString("proto"));
        assertEquals(response.header("cf-ray"), json.getString("ray"));
    }

    @Test
    void theScheduledEndpointRunsTheScheduledHandlerLikeWranglerDev() {
        ScriptUploads.deploy("cron-worker", "[]", """
                export default {
                  fetch() { return new Response('fetch'); },
                  async scheduled(controller, env, ctx) {
                    if (controller.cron === 'fail') throw new Error('cron failed');
                    if (controller.cron !== '*/5 * * * *' || controller.scheduledTime !== 1700000000000) {
                      throw new Error(`unexpected ${controller.cron} ${controller.scheduledTime}`);
                    }
                    ctx.waitUntil(new Promise((resolve) => setTimeout(resolve, 20)));
                  },
                };""").statusCode(200);
        worker("cron-worker").queryParam("cron", "*/5 * * * *").queryParam("time", "1700000000000")
                .get("/cdn-cgi/handler/scheduled").then().statusCode(200).body(equalTo("ok"));
        worker("cron-worker").get("/cdn-cgi/handler/scheduled?cron=fail").then().statusCode(500).body(equalTo("exception"));
        worker("cron-worker").get("/cdn-cgi/handler/scheduled?time=soon").then().statusCode(400);
        worker("cron-worker").get("/other").then().statusCode(200).body(equalTo("fetch"));
    }

    @Test
    void serviceBindingsCallAnotherDeployedWorkerOverFetchAndRpc() {
        // SVC-1..SVC-3
        ScriptUploads.deploy("svc-target", "[{\"type\":\"plain_text\",\"name\":\"WHO\",\"text\":\"target\"}]", """
                import { WorkerEntrypoint } from 'cloudflare:workers';
                export default class extends WorkerEntrypoint {
                  async fetch(request) {
                    return new Response(`${this.env.WHO} got ${request.method} ${new URL(request.url).pathname} `
                      + `${await request.text()} cf=${request.cf === undefined}`, { headers: { 'x-target': '1' } });
                  }
                  async sum(numbers) { return numbers.reduce((a, b) => a + b, 0); }
                  stamp(date) { return { when: new Date(date.getTime() + 1000), tags: new Set(['a']) }; }
                  boom() { throw new TypeError('bad input'); }
                }
                export class Admin extends WorkerEntrypoint {
                  whoami() { return `admin for ${this.ctx.props.team}`; }
                }""").statusCode(200);
        ScriptUploads.deploy("svc-caller", "[{\"type\":\"service\",\"name\":\"TARGET\",\"service\":\"svc-target\"},"
                + "{\"type\":\"service\",\"name\":\"ADMIN\",\"service\":\"svc-target\",\"entrypoint\":\"Admin\","
                + "\"props\":{\"team\":\"blue\"}}]", """
                export default {
                  async fetch(request, env) {
                    const r = await env.TARGET.fetch('http://svc-target.internal/items', { method: 'PUT', body: 'x1' });
                    const stamped = await env.TARGET.stamp(new Date(0));
                    let error;
                    try { await env.TARGET.boom(); } catch (e) { error = `${e.name}: ${e.message} ${e instanceof TypeError}`; }
                    return Response.json({
                      fetched: await r.text(), header: r.headers.get('x-target'),
                      sum: await env.TARGET.sum([1, 2, 3.5]),
                      stamped: stamped.when.toISOString() + ' ' + stamped.tags.has('a'),
                      error, admin: await env.ADMIN.whoami(),
                    });
                  },
                };""").statusCode(200);
        JsonPath json = worker("svc-caller").get("/").then().statusCode(200).extract().jsonPath();
        assertEquals("target got PUT /items x1 cf=true", json.getString("fetched"));
        assertEquals("1", json.getString("header"));
        assertEquals(6.5, json.getDouble("sum"));
        assertEquals("1970-01-01T00:00:01.000Z true", json.getString("stamped"));
        assertEquals("TypeError: bad input true", json.getString("error"));
        assertEquals("admin for blue", json.getString("admin"));
    }

    @Test
    void aServiceBindingToAMissingWorkerIsRefusedAtUpload() {
        ScriptUploads.deploy("svc-dangling", "[{\"type\":\"service\",\"name\":\"GONE\",\"service\":\"no-such-worker\"}]",
                "export default { fetch() { return new Response('x'); } };").statusCode(400)
                .body("errors[0].code", equalTo(10056)).body("errors[0].message", containsString("no-such-worker"));
        ScriptUploads.deploy("svc-dangling", "[{\"type\":\"service\",\"name\":\"GONE\"}]",
                "export default { fetch() { return new Response('x'); } };").statusCode(400)
                .body("errors[0].message", containsString("needs a service"));
    }

    @Test
    void aWorkerCallingItselfHitsTheLoopLimit() {
        // RT-14 / loop limit: 16 invocations deep, then error 1019
        String source = """
                import { WorkerEntrypoint } from 'cloudflare:workers';
                export default class extends WorkerEntrypoint {
                  async fetch(request) {
                    const depth = Number(new URL(request.url).searchParams.get('d') ?? 0);
                    if (!this.env.SELF) return new Response('no binding yet');
                    if (new URL(request.url).pathname === '/rpc') {
                      try { return new Response('rpc ' + await this.env.SELF.deeper(0)); }
                      catch (e) { return new Response(`rpc failed: ${e.message}`, { status: 500 }); }
                    }
                    const r = await this.env.SELF.fetch(`http://self/?d=${depth + 1}`);
                    if (r.status !== 200) return new Response(`stopped at ${depth + 1}: ${r.status} ${await r.text()}`, { status: r.status });
                    return r;
                  }
                  async deeper(n) { return this.env.SELF.deeper(n + 1); }
                }""";
        ScriptUploads.deploy("looper", "[]", source).statusCode(200);
        ScriptUploads.deploy("looper", "[{\"type\":\"service\",\"name\":\"SELF\",\"service\":\"looper\"}]", source).statusCode(200);
        // 16 calls go through; the 17th is refused and every level passes the 508 back up
        worker("looper").get("/").then().statusCode(508).body(startsWith("stopped at 1: 508 stopped at 2: 508"))
                .body(endsWith("stopped at 16: 508 stopped at 17: 508 error code: 1019"));
        worker("looper").get("/rpc").then().statusCode(500).body(startsWith("rpc failed: Worker hit loop limit (error 1019)"));
    }

    @Test
    void platformErrorsGetCloudflareErrorPages() {
        // RT-14: 1101 as plain text, HTML or JSON; a worker's own 500 is left alone
        ScriptUploads.deploy("error-pages", "[]", """
                export default {
                  fetch(request) {
                    if (new URL(request.url).pathname === '/own') return new Response('my 500', { status: 500 });
                    throw new Error('kaboom');
                  },
                };""").statusCode(200);
        worker("error-pages").get("/").then().statusCode(500).body(equalTo("error code: 1101"));
        worker("error-pages").header("Accept", "text/html").get("/").then().statusCode(500)
                .contentType(containsString("text/html")).body(containsString("1101")).body(containsString("Worker threw exception"));
        worker("error-pages").header("Accept", "application/json").get("/").then().statusCode(500)
                .body("error_code", equalTo(1101)).body("status", equalTo(500));
        worker("error-pages").get("/own").then().statusCode(500).body(equalTo("my 500"));
    }
}
