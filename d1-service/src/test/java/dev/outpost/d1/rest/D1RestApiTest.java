package dev.outpost.d1.rest;

import dev.outpost.d1.TempDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** D1-13/D1-14/D1-15: the Cloudflare-shaped REST API with REST Assured. */
@QuarkusTest
@QuarkusTestResource(TempDataDir.class)
class D1RestApiTest {

    private static final String BASE = "/client/v4/accounts/{account}/d1/database";

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer test-token").contentType(ContentType.JSON);
    }

    private static String create(String account, String name) {
        return api().body(Map.of("name", name)).post(BASE, account)
                .then().statusCode(200).body("success", equalTo(true)).extract().path("result.uuid");
    }

    private static String name() {
        return "rest-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response query(String account, String id, Object body) {
        return api().body(body).post(BASE + "/{id}/query", account, id);
    }

    @Test
    void tokenIsRequired() {
        given().get(BASE, "acct").then().statusCode(401).body("success", equalTo(false))
                .body("errors[0].code", equalTo(10000));
        given().header("Authorization", "Bearer wrong").get(BASE, "acct").then().statusCode(401);
    }

    @Test
    void createListGetDelete() {
        String n = name();
        String id = create("acct-r", n);
        api().body(Map.of("name", n)).post(BASE, "acct-r").then().statusCode(409)
                .body("errors[0].code", equalTo(7502)); // duplicate name
        api().body(Map.of("name", n + "-x", "primary_location_hint", "mars")).post(BASE, "acct-r").then()
                .statusCode(400).body("errors[0].code", equalTo(7400));
        api().body("{not json").post(BASE, "acct-r").then().statusCode(400).body("errors[0].code", equalTo(7400));

        api().get(BASE + "/{id}", "acct-r", id).then().statusCode(200)
                .body("result.uuid", equalTo(id)).body("result.name", equalTo(n))
                .body("result.version", equalTo("production")).body("result.num_tables", equalTo(0))
                .body("result.created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));

        String second = create("acct-r", n + "-b");
        api().queryParam("name", n).get(BASE, "acct-r").then().statusCode(200)
                .body("result.uuid", contains(id, second)).body("result_info.total_count", equalTo(2));
        api().queryParam("name", n).queryParam("page", 2).queryParam("per_page", 1).get(BASE, "acct-r").then()
                .body("result.uuid", contains(second)).body("result_info.page", equalTo(2))
                .body("result_info.per_page", equalTo(1)).body("result_info.count", equalTo(1));
        api().queryParam("name", n).get(BASE, "acct-other").then().body("result", hasSize(0));

        api().delete(BASE + "/{id}", "acct-r", id).then().statusCode(200).body("result", nullValue());
        api().get(BASE + "/{id}", "acct-r", id).then().statusCode(404).body("errors[0].code", equalTo(7404))
                .body("errors[0].message", containsString("could not be found"));
    }

    @Test
    void queryWithParamsBatchesAndSemicolonSeparatedStatements() {
        String id = create("acct-r", name());
        query("acct-r", id, Map.of("sql", "CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT, ok INTEGER, pic BLOB, r REAL);"
                + " INSERT INTO u (name, ok) VALUES ('seed', 1)")).then().statusCode(200)
                .body("result", hasSize(2)).body("result[1].meta.changes", equalTo(1));
        query("acct-r", id, Map.of("sql", "INSERT INTO u (name, ok, pic, r) VALUES (?, ?, ?, ?)",
                "params", List.of("ada", true, List.of(1, 2, 255), 0.5))).then().statusCode(200)
                .body("result[0].meta.last_row_id", equalTo(2)).body("result[0].meta.changed_db", equalTo(true))
                .body("result[0].meta.served_by", notNullValue()).body("result[0].meta.size_after", greaterThan(0))
                .body("result[0].meta.timings.sql_duration_ms", notNullValue());
        query("acct-r", id, Map.of("sql", "SELECT name, ok, pic, r FROM u WHERE id = ?", "params", List.of(2))).then()
                .statusCode(200).body("result[0].success", equalTo(true))
                .body("result[0].results[0].name", equalTo("ada"))
                .body("result[0].results[0].ok", equalTo(1)) // booleans are stored as 1/0 (D1-9)
                .body("result[0].results[0].pic", contains(1, 2, 255)) // BLOB reads back as number[]
                .body("result[0].results[0].r", equalTo(0.5f));
        query("acct-r", id, Map.of("batch", List.of(Map.of("sql", "SELECT count(*) AS n FROM u"),
                Map.of("sql", "SELECT ? AS x", "params", List.of("y"))))).then().statusCode(200)
                .body("result[0].results[0].n", equalTo(2)).body("result[1].results[0].x", equalTo("y"));
        api().body(Map.of("sql", "SELECT id, name FROM u ORDER BY id")).post(BASE + "/{id}/raw", "acct-r", id).then()
                .statusCode(200).body("result[0].results.columns", contains("id", "name"))
                .body("result[0].results.rows[1]", contains(2, "ada"));
        // D1-12 over REST: HTTP 400, SQLite text without the D1 prefix, code 7500.
        query("acct-r", id, Map.of("sql", "SELECT * FROM nope")).then().statusCode(400)
                .body("errors[0].code", equalTo(7500)).body("errors[0].message", equalTo("no such table: nope: SQLITE_ERROR"));
        query("acct-r", id, Map.of("sql", "SELECT ?", "params", List.of(Map.of("a", 1)))).then().statusCode(400)
                .body("errors[0].message", containsString("not supported"));
        query("acct-other", id, Map.of("sql", "SELECT 1")).then().statusCode(404);
    }

    @Test
    void migrationsFileAndHistoryRowApplyAtomically() { // D1-14: what wrangler d1 migrations apply sends
        String id = create("acct-r", name());
        query("acct-r", id, Map.of("sql", "CREATE TABLE IF NOT EXISTS d1_migrations(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL);")).then().statusCode(200);
        query("acct-r", id, Map.of("sql", "-- Migration number: 0001\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
                + "CREATE INDEX notes_body ON notes(body);\nINSERT INTO d1_migrations (name) values ('0001_init.sql');"))
                .then().statusCode(200).body("result", hasSize(3));
        // A failing migration leaves neither its tables nor its history row.
        query("acct-r", id, Map.of("sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\nALTER TABLE nope ADD COLUMN x;\n"
                + "INSERT INTO d1_migrations (name) values ('0002_tags.sql');")).then().statusCode(400)
                .body("errors[0].message", equalTo("no such table: nope: SQLITE_ERROR"));
        query("acct-r", id, Map.of("sql", "SELECT name FROM d1_migrations ORDER BY id")).then()
                .body("result[0].results.name", contains("0001_init.sql"));
        query("acct-r", id, Map.of("sql", "SELECT count(*) AS n FROM sqlite_schema WHERE name = 'tags'")).then()
                .body("result[0].results[0].n", equalTo(0));
    }

    @Test
    void exportPollingThenImportFlowReproducesTheRows() throws Exception {
        String src = create("acct-r", name());
        query("acct-r", src, Map.of("sql", "CREATE TABLE e (id INTEGER PRIMARY KEY, v TEXT, b BLOB); "
                + "INSERT INTO e (v, b) VALUES ('one', X'00ff'), ('two''s', NULL)")).then().statusCode(200);
        Response exp = api().body(Map.of("output_format", "polling", "dump_options", Map.of()))
                .post(BASE + "/{id}/export", "acct-r", src);
        exp.then().statusCode(200).body("result.status", equalTo("complete")).body("result.type", equalTo("export"))
                .body("result.at_bookmark", notNullValue()).body("result.result.filename", containsString(src));
        String bookmark = exp.path("result.at_bookmark");
        // wrangler re-posts with current_bookmark until complete: same answer.
        api().body(Map.of("output_format", "polling", "current_bookmark", bookmark)).post(BASE + "/{id}/export", "acct-r", src)
                .then().body("result.at_bookmark", equalTo(bookmark));
        String url = exp.path("result.result.signed_url");
        String sql = given().get(url).then().statusCode(200).extract().asString(); // no token: the URL is the credential
        assertTrue(sql.contains("INSERT INTO \"e\""), sql);

        String dst = create("acct-r", name());
        String etag = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(sql.getBytes(StandardCharsets.UTF_8)));
        Response init = api().body(Map.of("action", "init", "etag", etag)).post(BASE + "/{id}/import", "acct-r", dst);
        init.then().statusCode(200).body("result.upload_url", notNullValue());
        String put = given().body(sql.getBytes(StandardCharsets.UTF_8)).put((String) init.path("result.upload_url"))
                .then().statusCode(200).extract().header("ETag");
        assertEquals("\"" + etag + "\"", put);
        api().body(Map.of("action", "ingest", "filename", init.path("result.filename"), "etag", etag))
                .post(BASE + "/{id}/import", "acct-r", dst).then().statusCode(200)
                .body("result.status", equalTo("complete")).body("result.result.num_queries", equalTo(4))
                .body("result.result.final_bookmark", notNullValue());
        api().body(Map.of("action", "poll", "current_bookmark", "x")).post(BASE + "/{id}/import", "acct-r", dst).then()
                .body("result.status", equalTo("complete"));
        String check = "SELECT id, v, b FROM e ORDER BY id";
        List<Object> a = query("acct-r", src, Map.of("sql", check)).path("result[0].results");
        List<Object> b = query("acct-r", dst, Map.of("sql", check)).path("result[0].results");
        assertEquals(a, b);

        // A bad import reports status "error" and changes nothing.
        String bad = "CREATE TABLE z (x);\nINSERT INTO missing VALUES (1);";
        String badTag = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bad.getBytes(StandardCharsets.UTF_8)));
        Response init2 = api().body(Map.of("action", "init", "etag", badTag)).post(BASE + "/{id}/import", "acct-r", dst);
        given().body(bad).put((String) init2.path("result.upload_url")).then().statusCode(200);
        api().body(Map.of("action", "ingest", "filename", init2.path("result.filename"), "etag", badTag))
                .post(BASE + "/{id}/import", "acct-r", dst).then().body("result.status", equalTo("error"))
                .body("result.error", containsString("no such table: missing"));
        query("acct-r", dst, Map.of("sql", "SELECT * FROM z")).then().statusCode(400);
    }

    @Test
    void timeTravelBookmarkAndRestore() throws Exception {
        String id = create("acct-r", name());
        query("acct-r", id, Map.of("sql", "CREATE TABLE t (v); INSERT INTO t VALUES (1)")).then().statusCode(200);
        Thread.sleep(20);
        String ts = Instant.now().toString();
        Thread.sleep(20);
        query("acct-r", id, Map.of("sql", "INSERT INTO t VALUES (2)")).then().statusCode(200);
        String atTs = api().queryParam("timestamp", ts).get(BASE + "/{id}/time_travel/bookmark", "acct-r", id)
                .then().statusCode(200).extract().path("result.bookmark");
        String now = api().get(BASE + "/{id}/time_travel/bookmark", "acct-r", id).then().extract().path("result.bookmark");
        assertTrue(atTs.compareTo(now) < 0);
        api().queryParam("bookmark", atTs).post(BASE + "/{id}/time_travel/restore", "acct-r", id).then().statusCode(200)
                .body("result.previous_bookmark", equalTo(now)).body("result.bookmark", greaterThanString(now))
                .body("result.message", notNullValue());
        query("acct-r", id, Map.of("sql", "SELECT count(*) AS n FROM t")).then().body("result[0].results[0].n", equalTo(1));
        api().queryParam("timestamp", "yesterday-ish").post(BASE + "/{id}/time_travel/restore", "acct-r", id).then()
                .statusCode(400).body("errors[0].code", equalTo(7400));
    }

    private static org.hamcrest.Matcher<String> greaterThanString(String s) {
        return org.hamcrest.Matchers.greaterThan(s);
    }

    @Test
    void healthAndMetricsAreServed() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'd1-storage' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'd1-storage' }.data.catalogOpen", equalTo(true));
        RestAssured.get("/q/metrics").then().statusCode(200);
    }
}
