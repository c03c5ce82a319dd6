package dev.outpost.gateway.ingress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.OtherAccount;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * RT-6 over the real ingress: workers put responses into {@code caches.default} and match them on later requests
 * (and in other isolates); max-age expiry, no-store, the non-GET TypeError, 304/206 answers of match, and account
 * isolation between workers of different accounts.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class CacheApiTrafficTest {
    // ?op=put|match|post|delete on key ?key=; put takes ?value= and ?cc= (Cache-Control); match forwards the
    // conditional and range headers of the incoming request to cache.match().
    private static final String WORKER = """
            export default {
              async fetch(request) {
                const url = new URL(request.url);
                const key = 'https://cache.example/' + (url.searchParams.get('key') ?? 'k');
                const cache = caches.default;
                switch (url.searchParams.get('op')) {
                  case 'put': {
                    const value = url.searchParams.get('value') ?? 'v';
                    await cache.put(key, new Response(value, { headers: {
                      'content-type': 'text/plain', 'cache-control': url.searchParams.get('cc') ?? 'max-age=600',
                      etag: `"${value}"`, 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' } }));
                    return new Response('stored');
                  }
                  case 'match': {
                    const headers = {};
                    for (const name of ['if-none-match', 'if-modified-since', 'range']) {
                      if (request.headers.has(name)) headers[name] = request.headers.get(name);
                    }
                    const hit = await cache.match(new Request(key, { headers }));
                    return hit ?? new Response('miss', { status: 404 });
                  }
                  case 'post':
                    try {
                      await cache.put(new Request(key, { method: 'POST' }), new Response('x'));
                      return new Response('no error');
                    } catch (e) {
                      return new Response(`${e.name}: ${e.message}`, { status: 400 });
                    }
                  case 'delete':
                    return Response.json(await cache.delete(key));
                  default:
                    return new Response('unknown op', { status: 400 });
                }
              },
            };""";

    @Inject
    WorkerIngressServer ingress;

    private RequestSpecification worker(String name) {
        return given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", name + ".localhost");
    }

    private String put(String worker, String key, String value, String cacheControl) {
        return worker(worker).queryParam("op", "put").queryParam("key", key).queryParam("value", value)
                .queryParam("cc", cacheControl).get("/").then().statusCode(200).extract().asString();
    }

    private Response match(String worker, String key) {
        return worker(worker).queryParam("op", "match").queryParam("key", key).get("/");
    }

    @Test
    void rt6AWorkerCachesAResponseAndMatchesItOnLaterRequests() {
        ScriptUploads.deploy("cache-basic", "[]", WORKER).statusCode(200);
        ScriptUploads.deploy("cache-sibling", "[]", WORKER).statusCode(200);
        match("cache-basic", "basic").then().statusCode(404).body(equalTo("miss"));
        assertEquals("stored", put("cache-basic", "basic", "hello-cache", "public, max-age=600"));
        match("cache-basic", "basic").then().statusCode(200).body(equalTo("hello-cache"))
                .header("cf-cache-status", "HIT").header("content-type", "text/plain")
                // the seconds since the put, as Cloudflare's cache answers a hit
                .header("age", org.hamcrest.Matchers.matchesPattern("[0-9]+"));
        // Another worker of the same account (its own isolate) reads the same entry: the store is per gateway.
        match("cache-sibling", "basic").then().statusCode(200).body(equalTo("hello-cache"));
        worker("cache-basic").queryParam("op", "delete").queryParam("key", "basic").get("/").then().body(equalTo("true"));
        worker("cache-basic").queryParam("op", "delete").queryParam("key", "basic").get("/").then().body(equalTo("false"));
        match("cache-basic", "basic").then().statusCode(404);
    }

    @Test
    void rt6MaxAgeExpiresAndNoStoreIsNotKept() throws Exception {
        ScriptUploads.deploy("cache-ttl", "[]", WORKER).statusCode(200);
        put("cache-ttl", "short", "short-lived", "max-age=1");
        put("cache-ttl", "long", "long-lived", "max-age=600");
        put("cache-ttl", "nostore", "never", "no-store");
        match("cache-ttl", "nostore").then().statusCode(404);
        // Poll (no timing asserted): the one-second entry goes away, the ten-minute one stays.
        long deadline = System.nanoTime() + 30_000_000_000L;
        int status;
        do {
            status = match("cache-ttl", "short").statusCode();
            if (status == 404) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertEquals(404, status, "a max-age=1 entry must expire");
        match("cache-ttl", "long").then().statusCode(200).body(equalTo("long-lived"));
    }

    @Test
    void rt6NonGetPutIsATypeError() {
        ScriptUploads.deploy("cache-post", "[]", WORKER).statusCode(200);
        worker("cache-post").queryParam("op", "post").get("/").then().statusCode(400)
                .body(equalTo("TypeError: Cannot cache response to non-GET request."));
    }

    @Test
    void rt6MatchAnswersConditionalAndRangeRequests() {
        ScriptUploads.deploy("cache-cond", "[]", WORKER).statusCode(200);
        put("cache-cond", "doc", "0123456789", "max-age=600");
        worker("cache-cond").header("If-None-Match", "\"0123456789\"").queryParam("op", "match").queryParam("key", "doc")
                .get("/").then().statusCode(304).header("etag", "\"0123456789\"");
        worker("cache-cond").header("If-None-Match", "\"other\"").queryParam("op", "match").queryParam("key", "doc")
                .get("/").then().statusCode(200).body(equalTo("0123456789"));
        worker("cache-cond").header("If-Modified-Since", "Thu, 22 Oct 2015 07:28:00 GMT").queryParam("op", "match")
                .queryParam("key", "doc").get("/").then().statusCode(304);
        worker("cache-cond").header("Range", "bytes=2-5").queryParam("op", "match").queryParam("key", "doc")
                .get("/").then().statusCode(206).header("content-range", "bytes 2-5/10").body(equalTo("2345"));
    }

    @Test
    void rt6WorkersOfDifferentAccountsDoNotSeeEachOthersEntries() throws Exception {
        OtherAccount.ensure();
        ScriptUploads.deploy("cache-mine", "[]", WORKER).statusCode(200);
        given().header("Authorization", "Bearer " + OtherAccount.TOKEN)
                .multiPart("metadata", "blob", "{\"main_module\":\"index.js\",\"compatibility_date\":\"2025-01-01\"}"
                        .getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("index.js", "index.js", WORKER.getBytes(StandardCharsets.UTF_8), "application/javascript+module")
                .put("/client/v4/accounts/" + OtherAccount.ACCOUNT + "/workers/scripts/cache-theirs").then().statusCode(200);
        put("cache-mine", "secret", "mine-only", "max-age=600");
        // Same URL, same cache name, other account: a miss, and its own put does not overwrite ours.
        match("cache-theirs", "secret").then().statusCode(404).body(equalTo("miss"));
        put("cache-theirs", "secret", "theirs", "max-age=600");
        match("cache-theirs", "secret").then().statusCode(200).body(equalTo("theirs"));
        match("cache-mine", "secret").then().statusCode(200).body(equalTo("mine-only"));
    }
}
