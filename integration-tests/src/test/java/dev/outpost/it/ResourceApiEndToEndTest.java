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
    static final HttpClient HTTP = ItStack.HTTP;

    @TempDir
    static Path state;
    static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.S3, Component.R2, Component.D1,
                Component.GATEWAY)
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

    /**
     * D1-13 (API-9): a ';'-separated text on /query and /raw answers one result object per statement, as Cloudflare's
     * API does (what {@code wrangler d1 migrations apply} and {@code d1 execute --command} rely on).
     */
    @Test
    void d1MultiStatementQueryAnswersOneResultPerStatement() throws Exception {
        String base = "/accounts/" + account() + "/d1/database";
        String id = ok(call("POST", base, admin(), JSON.createObjectNode().put("name", "multi-db"))).path("uuid").asText();
        JsonNode results = ok(call("POST", base + "/" + id + "/query", admin(), JSON.createObjectNode().put("sql",
                "CREATE TABLE m (x INTEGER); INSERT INTO m VALUES (1); INSERT INTO m VALUES (2), (3); "
                        + "SELECT x FROM m ORDER BY x")));
        assertEquals(4, results.size(), results.toString());
        assertEquals(0, results.path(0).path("meta").path("changes").asInt(), results.toString());
        assertEquals(1, results.path(1).path("meta").path("changes").asInt(), results.toString());
        assertEquals(2, results.path(2).path("meta").path("changes").asInt(), results.toString());
        assertEquals("[{\"x\":1},{\"x\":2},{\"x\":3}]", results.path(3).path("results").toString());
        JsonNode raw = ok(call("POST", base + "/" + id + "/raw", admin(), JSON.createObjectNode()
                .put("sql", "SELECT count(*) AS n FROM m; SELECT max(x) AS top FROM m")));
        assertEquals(2, raw.size(), raw.toString());
        assertEquals("[[3]]", raw.path(0).path("results").path("rows").toString());
        assertEquals("[\"top\"]", raw.path(1).path("results").path("columns").toString());
        HttpResponse<String> paramsOnMany = call("POST", base + "/" + id + "/query", admin(),
                JSON.readTree("{\"sql\":\"SELECT ?; SELECT 2\",\"params\":[1]}"));
        assertEquals(400, paramsOnMany.statusCode(), paramsOnMany.body());
        ok(call("DELETE", base + "/" + id, admin(), null));
    }

    /**
     * D1-13 export and import in Cloudflare's polling form, through the gateway: import init hands out an upload URL,
     * the PUT answers the file's md5 as ETag, ingest runs it and poll repeats the outcome; export answers a URL that
     * downloads the dump without the API token. A failing import is an outcome with status "error" and changes
     * nothing.
     */
    @Test
    void d1ExportAndImportRunCloudflaresPollingFlowThroughTheGateway() throws Exception {
        String base = "/accounts/" + account() + "/d1/database";
        String id = ok(call("POST", base, admin(), JSON.createObjectNode().put("name", "transfer-db"))).path("uuid").asText();
        String sql = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
                + "INSERT INTO notes (body) VALUES ('first; with a semicolon');\n"
                + "INSERT INTO notes (body) VALUES ('second');\n";
        String etag = md5(sql);
        JsonNode init = ok(call("POST", base + "/" + id + "/import", admin(),
                JSON.createObjectNode().put("action", "init").put("etag", etag)));
        String uploadUrl = init.path("upload_url").asText();
        assertTrue(uploadUrl.startsWith("http://"), init.toString());
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                .PUT(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, upload.statusCode(), upload.body());
        assertEquals("\"" + etag + "\"", upload.headers().firstValue("ETag").orElse(""));
        JsonNode ingest = ok(call("POST", base + "/" + id + "/import", admin(), JSON.createObjectNode()
                .put("action", "ingest").put("filename", init.path("filename").asText()).put("etag", etag)));
        assertEquals("complete", ingest.path("status").asText(), ingest.toString());
        assertEquals(3, ingest.path("result").path("num_queries").asInt(), ingest.toString());
        JsonNode poll = ok(call("POST", base + "/" + id + "/import", admin(), JSON.createObjectNode()
                .put("action", "poll").put("current_bookmark", ingest.path("at_bookmark").asText())));
        assertEquals("complete", poll.path("status").asText(), poll.toString());
        assertEquals(ingest.path("result").path("final_bookmark"), poll.path("result").path("final_bookmark"));
        JsonNode rows = ok(call("POST", base + "/" + id + "/query", admin(),
                JSON.createObjectNode().put("sql", "SELECT body FROM notes ORDER BY id")));
        assertEquals("first; with a semicolon", rows.path(0).path("results").path(0).path("body").asText());

        String broken = "INSERT INTO notes (body) VALUES ('third');\nINSERT INTO nowhere VALUES (1);\n";
        JsonNode init2 = ok(call("POST", base + "/" + id + "/import", admin(),
                JSON.createObjectNode().put("action", "init").put("etag", md5(broken))));
        HTTP.send(HttpRequest.newBuilder(URI.create(init2.path("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofString(broken)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode failed = ok(call("POST", base + "/" + id + "/import", admin(), JSON.createObjectNode()
                .put("action", "ingest").put("filename", init2.path("filename").asText()).put("etag", md5(broken))));
        assertEquals("error", failed.path("status").asText(), failed.toString());
        assertTrue(failed.path("error").asText().contains("nowhere"), failed.toString());
        assertEquals(2, ok(call("POST", base + "/" + id + "/query", admin(), JSON.createObjectNode()
                .put("sql", "SELECT count(*) AS n FROM notes"))).path(0).path("results").path(0).path("n").asInt());

        JsonNode export = ok(call("POST", base + "/" + id + "/export", admin(), JSON.readTree(
                "{\"output_format\":\"polling\",\"dump_options\":{}}")));
        assertEquals("complete", export.path("status").asText(), export.toString());
        HttpResponse<String> dump = HTTP.send(HttpRequest.newBuilder(URI.create(export.path("result")
                .path("signed_url").asText())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, dump.statusCode(), dump.body());
        assertTrue(dump.body().contains("CREATE TABLE") && dump.body().contains("first; with a semicolon"), dump.body());
        JsonNode schemaOnly = ok(call("POST", base + "/" + id + "/export", admin(), JSON.readTree(
                "{\"output_format\":\"polling\",\"dump_options\":{\"no_data\":true}}")));
        String schema = HTTP.send(HttpRequest.newBuilder(URI.create(schemaOnly.path("result").path("signed_url")
                .asText())).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(schema.contains("CREATE TABLE") && !schema.contains("second"), schema);

        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiBaseUrl()
                .replace("/client/v4", "/d1/transfers/" + "0".repeat(32)))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode(), unknown.body());
        HttpResponse<String> badAction = call("POST", base + "/" + id + "/import", admin(),
                JSON.createObjectNode().put("action", "explode"));
        assertEquals(400, badAction.statusCode(), badAction.body());
        ok(call("DELETE", base + "/" + id, admin(), null));
    }

    static String md5(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
