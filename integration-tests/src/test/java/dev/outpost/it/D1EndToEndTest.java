package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.ControlPlaneException;
import dev.outpost.localstack.deploy.WorkerBundle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * env.DB end to end, all real: a database created through d1-service's REST API, a worker uploaded through the
 * control plane with a {@code d1} binding (API-3), its calls crossing the gateway's gRPC client to the owning
 * d1-service shard (D1-2..D1-9, D1-12).
 */
class D1EndToEndTest {
    static final int OFFSET = 4000;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    static LocalStack stack;
    static ControlPlaneClient controlPlane;
    static String databaseId;
    static final HttpClient http = ItStack.HTTP;

    static final String WORKER = """
            function err(e) { return { message: e.message, cause: e.cause?.message ?? null }; }
            async function caught(p) { try { await p; return 'no error'; } catch (e) { return err(e); } }
            export default {
              async fetch(request, env) {
                const db = env.DB;
                const out = {};
                out.exec = await db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, name TEXT, score REAL, flag INTEGER, data BLOB)');
                out.execCount = out.exec.count;
                const insert = db.prepare('INSERT INTO t (id, name, score, flag, data) VALUES (?1, ?2, ?3, ?4, ?5)');
                const run = await insert.bind(1, 'héllo', 1.5, true, new Uint8Array([1, 2, 255])).run();
                out.runMeta = { changes: run.meta.changes, last_row_id: run.meta.last_row_id, changed_db: run.meta.changed_db,
                  success: run.success, hasDuration: typeof run.meta.duration === 'number', servedBy: typeof run.meta.served_by };
                await insert.bind(2, null, 2, false, [9, 8]).run();
                out.all = (await db.prepare('SELECT * FROM t ORDER BY id').all()).results;
                out.first = await db.prepare('SELECT name FROM t WHERE id = ?').bind(1).first();
                out.firstCol = await db.prepare('SELECT name FROM t WHERE id = ?').bind(1).first('name');
                out.firstNone = await db.prepare('SELECT name FROM t WHERE id = ?').bind(99).first();
                out.firstMissing = await caught(db.prepare('SELECT name FROM t').first('nope'));
                out.raw = await db.prepare('SELECT id, flag FROM t ORDER BY id').raw({ columnNames: true });
                out.typeError = (() => { try { db.prepare('SELECT ?').bind(undefined); return 'no error'; } catch (e) { return err(e); } })();
                // D1-4: the failing statement rolls back the insert before it
                out.batchFail = await caught(db.batch([insert.bind(3, 'c', 0, 0, null), db.prepare('INSERT INTO missing VALUES (1)')]));
                out.countAfterFail = await db.prepare('SELECT count(*) AS n FROM t').first('n');
                const ok = await db.batch([insert.bind(3, 'c', 0, 0, null), db.prepare('SELECT count(*) AS n FROM t')]);
                out.batchOk = ok.map((r) => r.results);
                out.noTable = await caught(db.prepare('SELECT * FROM nope').all());
                out.execFail = await caught(db.exec('SELECT 1\\nSELEC oops'));
                out.big = await db.prepare('SELECT ? AS v').bind(2 ** 40).first('v');
                const session = db.withSession('first-primary');
                await session.prepare('SELECT 1').all();
                out.bookmark = session.getBookmark();
                // D1-7 (workerd's shim): blank means first-unconstrained; a bookmark session reports it at once
                const blank = db.withSession('  ');
                out.blankBefore = blank.getBookmark();
                await blank.prepare('SELECT 1').all();
                out.blankAfter = typeof blank.getBookmark();
                out.resumedBefore = db.withSession(out.bookmark).getBookmark() === out.bookmark;
                // D1-8: meta field types as on Cloudflare
                const meta = (await db.prepare('SELECT * FROM t').all()).meta;
                out.metaTypes = Object.fromEntries(['duration', 'changes', 'last_row_id', 'changed_db', 'size_after',
                  'rows_read', 'rows_written', 'served_by'].map((k) => [k, typeof meta[k]]));
                // D1-5 / D1-6
                out.execDuration = typeof out.exec.duration;
                out.dump = await caught(db.dump());
                // D1-11 / RT-13: more than 50 queries in one invocation (the limit is 1,000 binding operations)
                let sum = 0;
                for (let i = 0; i < 60; i++) sum += await db.prepare('SELECT ? AS v').bind(i).first('v');
                out.sixtyQueries = sum;
                return Response.json(out);
              }
            };""";

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.D1, Component.GATEWAY)
                .build();
        stack.start();
        controlPlane = ItStack.controlPlane(stack, JSON);
        // D1-13: create the database through d1-service's own REST API
        HttpRequest create = HttpRequest.newBuilder(URI.create(stack.url(Component.D1) + "/client/v4/accounts/"
                        + stack.credentials().accountId() + "/d1/database"))
                .header("Authorization", "Bearer " + stack.credentials().apiToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"e2e-db\"}")).build();
        HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        databaseId = JSON.readTree(created.body()).path("result").path("uuid").asText();
        assertTrue(!databaseId.isEmpty(), created.body());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    static void upload(String name, String source, String dbId) throws Exception {
        Path file = Files.createDirectories(state.resolve("scripts")).resolve(name + ".js");
        Files.writeString(file, source);
        WorkerBundle bundle = WorkerBundle.fromPath(file, null);
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("main_module", bundle.mainModule());
        metadata.put("compatibility_date", "2025-01-01");
        ObjectNode binding = metadata.putArray("bindings").addObject();
        binding.put("type", "d1").put("name", "DB").put("id", dbId);
        controlPlane.uploadScript(name, bundle, metadata);
    }

    static HttpResponse<String> call(String worker, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8787 + OFFSET) + path))
                .header("Host", worker + ".localhost").timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWorkerUsesItsD1DatabaseThroughTheRealService() throws Exception {
        upload("d1-e2e", WORKER, databaseId);
        HttpResponse<String> response = call("d1-e2e", "/");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode out = JSON.readTree(response.body());
        assertEquals(1, out.path("execCount").asInt(), response.body());
        assertEquals("{\"changes\":1,\"last_row_id\":1,\"changed_db\":true,\"success\":true,\"hasDuration\":true,\"servedBy\":\"string\"}",
                out.path("runMeta").toString());
        // D1-9 round trips: text, real, boolean → 1/0, BLOB ← number[] / Uint8Array, null
        assertEquals("[{\"id\":1,\"name\":\"héllo\",\"score\":1.5,\"flag\":1,\"data\":[1,2,255]},"
                + "{\"id\":2,\"name\":null,\"score\":2,\"flag\":0,\"data\":[9,8]}]", out.path("all").toString());
        assertEquals("{\"name\":\"héllo\"}", out.path("first").toString());
        assertEquals("héllo", out.path("firstCol").asText());
        assertTrue(out.path("firstNone").isNull());
        assertEquals("{\"message\":\"D1_COLUMN_NOTFOUND: Column not found (nope)\",\"cause\":\"Column not found\"}",
                out.path("firstMissing").toString());
        assertEquals("[[\"id\",\"flag\"],[1,1],[2,0]]", out.path("raw").toString());
        assertEquals("D1_TYPE_ERROR: Type 'undefined' not supported for value 'undefined'",
                out.path("typeError").path("message").asText());
        // D1-4: atomic batch
        assertTrue(out.path("batchFail").path("message").asText().startsWith("D1_ERROR: no such table: missing"),
                response.body());
        assertEquals(2, out.path("countAfterFail").asInt(), "the failed batch rolled back its insert");
        assertEquals("[[],[{\"n\":3}]]", out.path("batchOk").toString());
        // D1-12: the service's message unchanged, cause without the prefix
        assertEquals("D1_ERROR: no such table: nope: SQLITE_ERROR", out.path("noTable").path("message").asText(), response.body());
        assertEquals("no such table: nope: SQLITE_ERROR", out.path("noTable").path("cause").asText());
        assertTrue(out.path("execFail").path("message").asText().startsWith("D1_EXEC_ERROR: Error in line 2: SELEC oops:"),
                response.body());
        assertEquals(1099511627776L, out.path("big").asLong());
        assertTrue(out.path("bookmark").asText().matches("[0-9a-f]{8}-.*"), response.body());
        assertTrue(out.path("blankBefore").isNull(), response.body());
        assertEquals("string", out.path("blankAfter").asText(), response.body());
        assertTrue(out.path("resumedBefore").asBoolean(), response.body());
        assertEquals("{\"duration\":\"number\",\"changes\":\"number\",\"last_row_id\":\"number\",\"changed_db\":\"boolean\","
                + "\"size_after\":\"number\",\"rows_read\":\"number\",\"rows_written\":\"number\",\"served_by\":\"string\"}",
                out.path("metaTypes").toString());
        assertEquals("number", out.path("execDuration").asText(), response.body());
        assertTrue(out.path("dump").path("message").asText().startsWith("D1_DUMP_ERROR: "), response.body());
        assertEquals(1770, out.path("sixtyQueries").asInt(), response.body());

        // D1-13/D1-15 on the gateway's API (wrangler's base URL): time-travel bookmark, then a restore to it
        JsonNode bookmark = gatewayApi("GET", "/d1/database/" + databaseId + "/time_travel/bookmark");
        String bm = bookmark.path("result").path("bookmark").asText();
        assertTrue(bm.matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]+"), bookmark.toString());
        JsonNode restored = gatewayApi("POST", "/d1/database/" + databaseId + "/time_travel/restore?bookmark=" + bm);
        assertTrue(restored.path("success").asBoolean(), restored.toString());
        assertTrue(restored.path("result").path("previous_bookmark").asText().matches("[0-9a-f]{8}-.*"), restored.toString());
        assertTrue(restored.path("result").has("bookmark") && restored.path("result").has("message"), restored.toString());
    }

    static JsonNode gatewayApi(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/accounts/"
                        + stack.credentials().accountId() + path))
                .header("Authorization", "Bearer " + stack.credentials().apiToken())
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void aBindingToAnUnknownDatabaseIsRefusedAtUpload() {
        ControlPlaneException refused = org.junit.jupiter.api.Assertions.assertThrows(ControlPlaneException.class,
                () -> upload("d1-missing", "export default { fetch() { return new Response('x'); } };",
                        "00000000-0000-4000-8000-000000000000"));
        assertTrue(refused.toString().contains("does not exist") || refused.getMessage().contains("10056"),
                refused.toString());
    }
}
