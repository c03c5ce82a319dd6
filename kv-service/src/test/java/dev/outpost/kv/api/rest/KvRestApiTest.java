package dev.outpost.kv.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.outpost.kv.model.PutEntry;
import dev.outpost.kv.service.KvStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The Cloudflare-shaped REST API (KV-10, API-1 envelope) with the interim bearer token. */
@QuarkusTest
class KvRestApiTest {

    @Inject
    KvStore store;

    private final String account = "acct-" + UUID.randomUUID();

    private String base() {
        return "/client/v4/accounts/" + account + "/storage/kv/namespaces";
    }

    private static RequestSpecification authed() {
        return given().header("Authorization", "Bearer test-token").urlEncodingEnabled(false);
    }

    private String createNamespace(String title) {
        return authed().contentType("application/json").body("{\"title\":\"" + title + "\"}")
                .post(base())
                .then().statusCode(200).body("success", equalTo(true)).body("result.title", equalTo(title))
                .body("result.supports_url_encoding", equalTo(true))
                .extract().path("result.id");
    }

    @Test
    void refusesCallsWithoutTheToken() {
        for (RequestSpecification request : List.of(given(), given().header("Authorization", "Bearer wrong"),
                given().header("Authorization", "test-token"))) {
            request.get(base()).then().statusCode(401)
                    .body("success", equalTo(false))
                    .body("errors.code", contains(10000))
                    .body("errors.message", contains("Authentication error"))
                    .body("messages", empty())
                    .body("$", hasKey("result"))
                    .body("result", nullValue());
        }
    }

    // KV-10: write a value with a TTL, read it raw with its expiration header, list it, delete it.
    @Test
    void valueRoundTripWithLiteralKeys() {
        String ns = createNamespace("rest-roundtrip");
        String key = "dir/sub file+ü?#%";
        String path = base() + "/" + ns + "/values/" + encode(key);
        byte[] body = { 0, 1, 2, (byte) 0xff, 'x' };
        long now = System.currentTimeMillis() / 1000;

        authed().contentType("application/octet-stream").body(body).put(path + "?expiration_ttl=3600")
                .then().statusCode(200).body("success", equalTo(true)).body("result", nullValue());

        Response got = authed().get(path);
        assertEquals(200, got.statusCode());
        assertArrayEquals(body, got.asByteArray());
        long expiration = Long.parseLong(got.header("expiration"));
        assertFalse(expiration < now + 3600 || expiration > now + 3602, "expiration " + expiration);

        authed().get(base() + "/" + ns + "/keys").then().statusCode(200)
                .body("result.name", contains(key))
                .body("result[0].expiration", equalTo((int) expiration))
                .body("result[0]", org.hamcrest.Matchers.not(hasKey("metadata")))
                .body("result_info.count", equalTo(1))
                .body("result_info.cursor", equalTo(""));

        authed().delete(path).then().statusCode(200).body("success", equalTo(true));
        authed().get(path).then().statusCode(404)
                .body("success", equalTo(false))
                .body("errors.code", contains(10009))
                .body("errors.message", contains("key not found"));
    }

    // KV-7 over REST: limit + cursor; metadata comes back as JSON.
    @Test
    void listKeysPagesWithCursorAndShowsMetadata() {
        String ns = createNamespace("rest-list");
        for (String key : List.of("b", "a", "c", "é", "d")) {
            store.put(account, ns, new PutEntry(key, new byte[] { 1 }, 0, 0, "{\"k\":\"" + key + "\"}"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        for (int i = 0; i < 10; i++) {
            Response page = authed().get(base() + "/" + ns + "/keys?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            page.then().statusCode(200).body("success", equalTo(true));
            seen.addAll(page.path("result.name"));
            cursor = page.path("result_info.cursor");
            if (cursor.isEmpty()) {
                break;
            }
        }
        assertEquals(List.of("a", "b", "c", "d", "é"), seen);
        authed().get(base() + "/" + ns + "/keys?prefix=c").then().statusCode(200)
                .body("result.name", contains("c"))
                .body("result[0].metadata.k", equalTo("c"));
        authed().get(base() + "/" + ns + "/metadata/" + encode("é")).then().statusCode(200)
                .body("result.k", equalTo("é"));
    }

    @Test
    void errorsUseTheEnvelopeAndCloudflareStatuses() {
        String ns = createNamespace("rest-errors");
        authed().contentType("application/json").body("{\"title\":\"rest-errors\"}").post(base())
                .then().statusCode(400).body("errors.code", contains(10014))
                .body("errors.message", contains("a namespace with this account ID and title already exists"));
        authed().contentType("text/plain").body("x").put(base() + "/" + ns + "/values/" + "k".repeat(513))
                .then().statusCode(414).body("success", equalTo(false))
                .body("errors.message", contains("UTF-8 encoded length of 513 exceeds key length limit of 512."));
        authed().contentType("text/plain").body("x").put(base() + "/" + ns + "/values/k?expiration_ttl=abc")
                .then().statusCode(400)
                .body("errors.message", contains("Invalid expiration_ttl of abc. Please specify integer greater than 0."));
        authed().get(base() + "/" + ns + "/keys?limit=5000").then().statusCode(400)
                .body("errors.message", contains("Invalid key_count_limit of 5000. Please specify an integer less than 1000."));
        authed().get(base() + "/0123456789abcdef0123456789abcdef/values/k").then().statusCode(404)
                .body("errors.code", contains(10013)).body("errors.message", contains("namespace not found"));
        // Another account's namespace is just as unknown.
        given().header("Authorization", "Bearer test-token")
                .get("/client/v4/accounts/someone-else/storage/kv/namespaces/" + ns + "/keys")
                .then().statusCode(404).body("errors.code", contains(10013));
        authed().contentType("application/json").body("{not json").post(base())
                .then().statusCode(400).body("success", equalTo(false));
        authed().get(base() + "/" + ns + "/keys").then().statusCode(200).body("result", empty());
    }

    @Test
    void namespaceListingHasPageInfo() {
        createNamespace("one");
        createNamespace("two");
        authed().get(base() + "?per_page=1&order=title&direction=desc").then().statusCode(200)
                .body("result.title", contains("two"))
                .body("result_info.page", equalTo(1))
                .body("result_info.per_page", equalTo(1))
                .body("result_info.count", equalTo(1))
                .body("result_info.total_count", equalTo(2));
    }

    @Test
    void readinessReportsTheCacheManager() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kv-storage' }.status", equalTo("UP"));
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
