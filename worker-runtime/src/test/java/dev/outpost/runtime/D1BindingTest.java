package dev.outpost.runtime;

import dev.outpost.runtime.bindings.D1Statement;
import dev.outpost.runtime.bindings.D1Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** env.DB backed by a scripted Java D1DatabaseBinding: the JS semantics of D1-2..D1-9 and D1-12. */
class D1BindingTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static void has(String json, String fragment) {
        assertTrue(json.contains(fragment), () -> "missing " + fragment + " in " + json);
    }

    @Test
    void d1SemanticsThroughTheBinding() throws Exception {
        FakeD1 d1 = new FakeD1();
        WorkerEnvironment env = WorkerEnvironment.builder().d1("DB", d1).build();
        WorkerBundle bundle = bundle("d1.js", new WorkerModule("d1.js", ModuleType.ESM, FetchHandlerTest.resource("workers/d1.js")));
        try (LoadedWorker worker = engine.load(bundle, env, RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            String json = body(response);
            assertEquals(200, response.status(), json);
            // D1-2: bind returns a new statement; the original keeps no params
            has(json, "\"distinct\":true");
            has(json, "\"baseAfterBind\":[]");
            // D1-9: numbers, strings, null, booleans → 1/0, ArrayBuffer/view/byte array → BLOB read back as number[]
            has(json, "\"types\":{\"p1\":42,\"p2\":1.5,\"p3\":\"héllo\",\"p4\":null,\"p5\":1,\"p6\":0,"
                    + "\"p7\":[1,2,255],\"p8\":[8,7],\"p9\":[3,4],\"p10\":9007199254740992,\"p11\":0}");
            has(json, "\"undefinedError\":{\"name\":\"Error\",\"message\":\"D1_TYPE_ERROR: Type 'undefined' not supported "
                    + "for value 'undefined'\",\"cause\":\"Type 'undefined' not supported for value 'undefined'\"}");
            has(json, "\"bigintError\":{\"name\":\"Error\",\"message\":\"D1_TYPE_ERROR: Type 'bigint' not supported for value '1'\"");
            has(json, "\"objectError\":{\"name\":\"Error\",\"message\":\"D1_TYPE_ERROR: Type 'object' not supported for value "
                    + "'[object Object]'\"");
            has(json, "\"dateError\":{\"name\":\"Error\",\"message\":\"D1_TYPE_ERROR: Type 'object' not supported");
            has(json, "\"badArray\":{\"name\":\"Error\",\"message\":\"D1_TYPE_ERROR: Type 'object' not supported for value '1,256'\"");
            // D1-3 / D1-8 shapes
            has(json, "\"all\":{\"success\":true,\"meta\":{\"served_by\":\"fake-d1\",\"served_by_region\":\"local\","
                    + "\"served_by_primary\":true,\"timings\":{\"sql_duration_ms\":0.5},\"duration\":0.5,\"changes\":1,"
                    + "\"last_row_id\":7,\"changed_db\":true,\"size_after\":4096,\"rows_read\":2,\"rows_written\":1,"
                    + "\"total_attempts\":1},\"results\":[{\"id\":1,\"name\":\"a\",\"data\":[1,2,255]},"
                    + "{\"id\":2,\"name\":\"b\",\"data\":null}]}");
            has(json, "\"run\":{\"success\":true,\"meta\":{");
            has(json, "\"results\":[]},\"first\":{\"id\":1,\"name\":\"a\",\"data\":[1,2,255]}");
            has(json, "\"firstCol\":\"a\"");
            has(json, "\"firstEmpty\":null");
            has(json, "\"firstEmptyCol\":null");
            has(json, "\"firstMissing\":{\"name\":\"Error\",\"message\":\"D1_COLUMN_NOTFOUND: Column not found (nope)\","
                    + "\"cause\":\"Column not found\"}");
            has(json, "\"raw\":[[1,\"a\",[1,2,255]],[2,\"b\",null]]");
            has(json, "\"rawNames\":[[\"id\",\"name\",\"data\"],[1,\"a\",[1,2,255]],[2,\"b\",null]]");
            // D1-4: results in order; a failing statement rejects the whole batch
            has(json, "\"batch\":[[{\"p1\":1}],[{\"id\":1,\"name\":\"a\",\"data\":[1,2,255]},{\"id\":2,\"name\":\"b\",\"data\":null}]]");
            has(json, "\"batchFail\":{\"name\":\"Error\",\"message\":\"D1_ERROR: no such table: t: SQLITE_ERROR\","
                    + "\"cause\":\"no such table: t: SQLITE_ERROR\"}");
            has(json, "\"batchEmpty\":[]");
            has(json, "\"queryFail\":{\"name\":\"Error\",\"message\":\"D1_ERROR: no such table: t: SQLITE_ERROR\"");
            // D1-5 / D1-6
            has(json, "\"exec\":{\"count\":2,\"duration\":1.25}");
            has(json, "\"execFail\":{\"name\":\"Error\",\"message\":\"D1_EXEC_ERROR: Error in line 2: bad: near \\\"bad\\\": "
                    + "syntax error at offset 0: SQLITE_ERROR\",\"cause\":\"Error in line 2: bad:");
            has(json, "\"dump\":{\"name\":\"Error\",\"message\":\"D1_DUMP_ERROR: ");
            // D1-7
            has(json, "\"blankSession\":null");
            has(json, "\"resumedBefore\":true");
            has(json, "\"inspect\":{\"statement\":\"ECHO ?1 ?2\",\"params\":[\"a\",[1,2]]}");
            has(json, "\"bookmarkBefore\":null");
            has(json, "\"bookmarkGrows\":true");
            has(json, "\"bookmarkShape\":true");
            has(json, "\"resumedBookmark\":true");
        }
        // What reached the binding: typed params, one call per batch, nothing committed from the failed batch.
        List<D1Value> echoed = d1.queries.get(1).get(0).params();
        assertEquals(List.of(D1Value.of(42L), D1Value.of(1.5), D1Value.of("héllo"), D1Value.NULL, D1Value.of(1L), D1Value.of(0L),
                D1Value.of(new byte[]{1, 2, (byte) 255}), D1Value.of(new byte[]{8, 7}), D1Value.of(new byte[]{3, 4}),
                D1Value.of(9007199254740992L), D1Value.of(0L)), echoed);
        assertTrue(d1.committed.stream().noneMatch(s -> s.equals(new D1Statement("ECHO ?", List.of(D1Value.of(2L))))),
                "the failed batch committed nothing");
        assertTrue(d1.queries.stream().anyMatch(q -> q.size() == 2 && q.get(0).sql().equals("ECHO ?")), "a batch is one call");
        assertEquals(List.of("CREATE TABLE a(x)\nINSERT INTO a VALUES (1)", "SELECT 1\nbad"), d1.execs);
        // Direct calls carry no session; a session starts with its constraint, then sends its latest bookmark.
        int firstSession = d1.sessions.indexOf("first-unconstrained");
        assertTrue(firstSession > 0, d1.sessions.toString());
        assertTrue(d1.sessions.subList(0, firstSession).stream().allMatch("null"::equals), d1.sessions.toString());
        assertTrue(d1.sessions.get(firstSession + 1).matches("[0-9a-f]{8}-.*"), d1.sessions.toString());
    }

    /** D1-2 / D1-9: params of null, numbers and strings cross as one string; BLOBs, NaN and Infinity as values. */
    @Test
    void paramsCrossAsOneStringWithTheSameValues() throws Exception {
        FakeD1 d1 = new FakeD1();
        WorkerEnvironment env = WorkerEnvironment.builder().d1("DB", d1).build();
        WorkerBundle bundle = bundle("d1-text.js", new WorkerModule("d1-text.js", ModuleType.ESM,
                FetchHandlerTest.resource("workers/d1-text.js")));
        try (LoadedWorker worker = engine.load(bundle, env, RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            String json = body(response);
            assertEquals(200, response.status(), json);
            has(json, "\"single\":3");
        }
        assertEquals(List.of(new D1Statement("ECHO text", List.of(D1Value.of(""), D1Value.of("a:b;c"), D1Value.of("12:s3:n"),
                D1Value.of("h\u00e9llo\uD83D\uDE00\uD800"), D1Value.of("\n\t\"\\"), D1Value.NULL, D1Value.of(0L),
                D1Value.of(0L), D1Value.of(-7L), D1Value.of(1.5), D1Value.of(1_000_000_000_000_000_000_000d),
                D1Value.of(-1.5e-7), D1Value.of(9007199254740992L), D1Value.of(9.223372036854775807E18),
                D1Value.of(Long.MIN_VALUE), D1Value.of(123456789012345L), D1Value.of(1L)))), d1.queries.get(0));
        List<D1Statement> batch = d1.queries.get(1);
        assertEquals(4, batch.size());
        assertEquals(new D1Statement("ECHO 1:2:", List.of(D1Value.of("x"))), batch.get(0));
        assertEquals(new D1Statement("ECHO none", List.of()), batch.get(1));
        assertEquals(new D1Statement("ECHO blob", List.of(D1Value.of(new byte[]{1, 2}), D1Value.of("y"))), batch.get(2));
        assertEquals(1, batch.get(3).params().size());
        assertTrue(batch.get(3).params().get(0) instanceof D1Value.Real r && Double.isNaN(r.value()), batch.toString());
        assertEquals(List.of(new D1Statement("ECHO one", List.of(D1Value.of(3L)))), d1.queries.get(2));
    }
}
