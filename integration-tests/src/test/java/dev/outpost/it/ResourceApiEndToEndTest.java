package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control plane's D1 and R2 resource endpoints (API section; D1-13, R2-13), delegated by the gateway over
 * gRPC to real d1-service and r2-service processes (with PostgreSQL and S3Proxy), called over HTTP as curl would.
 */
class ResourceApiEndToEndTest {
    static final int OFFSET = 9500;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path state;
    static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of("..").toAbsolutePath().normalize())
                .portOffset(OFFSET).components(EnumSet.of(Component.POSTGRES, Component.S3, Component.R2,
                        Component.D1, Component.GATEWAY))
                .build();
        stack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static String account() {
        return stack.credentials().accountId();
    }

    static HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        JsonNode json = JSON.readTree(response.body());
        assertTrue(json.path("success").asBoolean(), response.body());
        return json.path("result");
    }

    static int errorCode(HttpResponse<String> response) throws Exception {
        JsonNode json = JSON.readTree(response.body());
        assertFalse(json.path("success").asBoolean(true), response.body());
        return json.path("errors").path(0).path("code").asInt();
    }

    static String admin() {
        return stack.credentials().apiToken();
    }

    static String createToken(String name, String... scopes) throws Exception {
        JsonNode body = JSON.createObjectNode().put("name", name).set("scopes", JSON.valueToTree(scopes));
        return ok(call("POST", "/accounts/" + account() + "/tokens", admin(), body)).path("value").asText();
    }

    @Test
    void d1DatabasesAreCreatedListedQueriedAndDeletedThroughTheGateway() throws Exception {
        String base = "/accounts/" + account() + "/d1/database";
        JsonNode created = ok(call("POST", base, admin(), JSON.createObjectNode().put("name", "api-db")));
        String id = created.path("uuid").asText();
        assertEquals("api-db", created.path("name").asText());

        HttpResponse<String> duplicate = call("POST", base, admin(), JSON.createObjectNode().put("name", "api-db"));
        assertEquals(409, duplicate.statusCode(), duplicate.body());
        assertEquals(7502, errorCode(duplicate));

        JsonNode listed = ok(call("GET", base + "?name=api-db", admin(), null));
        assertEquals(1, listed.size(), listed.toString());
        assertEquals(id, listed.path(0).path("uuid").asText());
        assertEquals("api-db", ok(call("GET", base + "/" + id, admin(), null)).path("name").asText());

        ok(call("POST", base + "/" + id + "/query", admin(),
                JSON.readTree("{\"sql\":\"CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, b BLOB)\"}")));
        JsonNode inserted = ok(call("POST", base + "/" + id + "/query", admin(), JSON.readTree(
                "{\"batch\":[{\"sql\":\"INSERT INTO t (name, b) VALUES (?, ?)\",\"params\":[\"ada\",[1,2]]},"
                        + "{\"sql\":\"INSERT INTO t (name) VALUES (?)\",\"params\":[\"bob\"]}]}")));
        assertEquals(2, inserted.size());
        assertEquals(1, inserted.path(1).path("meta").path("changes").asInt());
        JsonNode rows = ok(call("POST", base + "/" + id + "/query", admin(),
                JSON.readTree("{\"sql\":\"SELECT name, b FROM t WHERE id = ?\",\"params\":[1]}")));
        assertEquals("ada", rows.path(0).path("results").path(0).path("name").asText());
        assertEquals("[1,2]", rows.path(0).path("results").path(0).path("b").toString());
        JsonNode raw = ok(call("POST", base + "/" + id + "/raw", admin(),
                JSON.readTree("{\"sql\":\"SELECT id, name FROM t ORDER BY id\"}")));
        assertEquals("[\"id\",\"name\"]", raw.path(0).path("results").path("columns").toString());
        assertEquals("[[1,\"ada\"],[2,\"bob\"]]", raw.path(0).path("results").path("rows").toString());

        HttpResponse<String> badSql = call("POST", base + "/" + id + "/query", admin(),
                JSON.readTree("{\"sql\":\"SELECT * FROM missing\"}"));
        assertEquals(400, badSql.statusCode(), badSql.body());
        assertEquals(7500, errorCode(badSql));

        ok(call("DELETE", base + "/" + id, admin(), null));
        HttpResponse<String> gone = call("GET", base + "/" + id, admin(), null);
        assertEquals(404, gone.statusCode(), gone.body());
        assertEquals(7404, errorCode(gone));
    }

    @Test
    void r2BucketsAreCreatedListedAndDeletedThroughTheGateway() throws Exception {
        String base = "/accounts/" + account() + "/r2/buckets";
        JsonNode created = ok(call("POST", base, admin(),
                JSON.createObjectNode().put("name", "api-bucket").put("locationHint", "weur")));
        assertEquals("api-bucket", created.path("name").asText());
        HttpResponse<String> again = call("POST", base, admin(), JSON.createObjectNode().put("name", "api-bucket"));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(10004, errorCode(again));

        JsonNode buckets = ok(call("GET", base, admin(), null)).path("buckets");
        assertTrue(buckets.toString().contains("\"api-bucket\""), buckets.toString());
        assertEquals("api-bucket", ok(call("GET", base + "/api-bucket", admin(), null)).path("name").asText());

        ok(call("DELETE", base + "/api-bucket", admin(), null));
        HttpResponse<String> gone = call("GET", base + "/api-bucket", admin(), null);
        assertEquals(404, gone.statusCode(), gone.body());
        assertEquals(10006, errorCode(gone));
    }

    @Test
    void anotherAccountAndAMissingScopeAreRefused() throws Exception {
        String mine = ok(call("POST", "/accounts/" + account() + "/d1/database", admin(),
                JSON.createObjectNode().put("name", "private-db"))).path("uuid").asText();
        // A token only ever acts on its own account: another account's paths are refused, never served.
        String other = "0123456789abcdef0123456789abcdef";
        for (String path : new String[] {"/d1/database", "/d1/database/" + mine, "/r2/buckets"}) {
            HttpResponse<String> refused = call("GET", "/accounts/" + other + path, admin(), null);
            assertEquals(403, refused.statusCode(), path + ": " + refused.body());
            assertEquals(9109, errorCode(refused));
        }
        String kvReader = createToken("kv reader", "kv:read");
        HttpResponse<String> noD1 = call("POST", "/accounts/" + account() + "/d1/database", kvReader,
                JSON.createObjectNode().put("name", "not-allowed"));
        assertEquals(403, noD1.statusCode(), noD1.body());
        HttpResponse<String> noR2 = call("GET", "/accounts/" + account() + "/r2/buckets", kvReader, null);
        assertEquals(403, noR2.statusCode(), noR2.body());
        String d1Reader = createToken("d1 reader", "d1:read");
        assertEquals("private-db", ok(call("GET", "/accounts/" + account() + "/d1/database/" + mine, d1Reader, null))
                .path("name").asText());
        HttpResponse<String> readerWrites = call("DELETE", "/accounts/" + account() + "/d1/database/" + mine,
                d1Reader, null);
        assertEquals(403, readerWrites.statusCode(), readerWrites.body());
        HttpResponse<String> noToken = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiBaseUrl()
                + "/accounts/" + account() + "/d1/database")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noToken.statusCode(), noToken.body());
    }
}
