package dev.outpost.d1.grpc;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.d1.v1.CreateDatabaseRequest;
import dev.outpost.contracts.d1.v1.Database;
import dev.outpost.contracts.d1.v1.ExecRequest;
import dev.outpost.contracts.d1.v1.ExecResponse;
import dev.outpost.contracts.d1.v1.ExportRequest;
import dev.outpost.contracts.d1.v1.ExportResponse;
import dev.outpost.contracts.d1.v1.GetBookmarkRequest;
import dev.outpost.contracts.d1.v1.ImportRequest;
import dev.outpost.contracts.d1.v1.ImportResponse;
import dev.outpost.contracts.d1.v1.ListDatabasesRequest;
import dev.outpost.contracts.d1.v1.ListDatabasesResponse;
import dev.outpost.contracts.d1.v1.Meta;
import dev.outpost.contracts.d1.v1.QueryRequest;
import dev.outpost.contracts.d1.v1.QueryResponse;
import dev.outpost.contracts.d1.v1.RestoreRequest;
import dev.outpost.contracts.d1.v1.RestoreResponse;
import dev.outpost.contracts.d1.v1.ResultsFormat;
import dev.outpost.contracts.d1.v1.Row;
import dev.outpost.contracts.d1.v1.StatementResult;
import dev.outpost.contracts.d1.v1.Value;
import dev.outpost.d1.D1TestClient;
import dev.outpost.d1.TempDataDir;
import dev.outpost.d1.storage.DatabaseRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.outpost.d1.D1TestClient.b;
import static dev.outpost.d1.D1TestClient.fails;
import static dev.outpost.d1.D1TestClient.i;
import static dev.outpost.d1.D1TestClient.nul;
import static dev.outpost.d1.D1TestClient.r;
import static dev.outpost.d1.D1TestClient.ref;
import static dev.outpost.d1.D1TestClient.stmt;
import static dev.outpost.d1.D1TestClient.t;
import static dev.outpost.d1.D1TestClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every RPC of outpost.d1.v1.D1Service over a real socket, with D1 semantics (checklist section D1). */
@QuarkusTest
@QuarkusTestResource(TempDataDir.class)
class D1GrpcServiceTest {

    private static final String ACCOUNT = "acct-a";
    private static final String OTHER = "acct-b";

    @Inject
    DatabaseRegistry registry;

    private D1TestClient d1;

    @BeforeEach
    void connect() {
        d1 = new D1TestClient(RestAssured.port);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        d1.close();
    }

    private String newDb() {
        return d1.create(ACCOUNT, uniqueName("db")).getUuid();
    }

    private List<List<Object>> rows(StatementResult r) {
        List<List<Object>> out = new ArrayList<>();
        for (Row row : r.getRowsList()) {
            List<Object> l = new ArrayList<>();
            for (Value v : row.getValuesList()) {
                l.add(switch (v.getKindCase()) {
                    case INTEGER -> v.getInteger();
                    case REAL -> v.getReal();
                    case TEXT -> v.getText();
                    case BLOB -> v.getBlob();
                    default -> null;
                });
            }
            out.add(l);
        }
        return out;
    }

    private long count(String db, String table) {
        return d1.query(ACCOUNT, db, stmt("SELECT count(*) FROM " + table)).getResults(0).getRows(0).getValues(0).getInteger();
    }

    // ------------------------------------------------------------------ management (D1-13)

    @Test
    void createGetListDeleteAndDuplicateName() {
        String name = uniqueName("mgmt");
        String chosen = UUID.randomUUID().toString();
        // The gateway picks the id; on a single-shard setup every id is owned here.
        Database created = d1.stub().createDatabase(CreateDatabaseRequest.newBuilder().setCaller(D1TestClient.caller(ACCOUNT))
                .setName(name).setDatabaseId(chosen).setPrimaryLocationHint("weur").build());
        assertEquals(chosen, created.getUuid());
        assertEquals("production", created.getVersion());
        assertTrue(created.getCreatedAtMs() > 0);

        fails(Status.Code.ALREADY_EXISTS, "DUPLICATE_NAME", () -> d1.create(ACCOUNT, name)); // D1-13: 7502
        d1.create(OTHER, name); // names are per account

        d1.query(ACCOUNT, chosen, stmt("CREATE TABLE a (x)"), stmt("CREATE TABLE b (x)"));
        Database got = d1.stub().getDatabase(ref(ACCOUNT, chosen));
        assertEquals(2, got.getNumTables());
        assertTrue(got.getFileSize() > 0);

        ListDatabasesResponse list = d1.stub().listDatabases(ListDatabasesRequest.newBuilder()
                .setCaller(D1TestClient.caller(ACCOUNT)).setName(name).build());
        assertEquals(1, list.getTotalCount());
        assertEquals(chosen, list.getDatabases(0).getUuid());

        d1.stub().deleteDatabase(ref(ACCOUNT, chosen));
        fails(Status.Code.NOT_FOUND, "DATABASE_NOT_FOUND", () -> d1.stub().getDatabase(ref(ACCOUNT, chosen)));
        assertFalse(Files.exists(registry.dataDir().resolve("databases").resolve(chosen)), "files are deleted");
        d1.create(ACCOUNT, name); // the name is free again
    }

    @Test
    void badNamesAndIdsAreRejected() {
        fails(Status.Code.INVALID_ARGUMENT, "INVALID_REQUEST", () -> d1.create(ACCOUNT, "no spaces allowed"));
        fails(Status.Code.INVALID_ARGUMENT, "INVALID_REQUEST", () -> d1.stub().createDatabase(CreateDatabaseRequest
                .newBuilder().setCaller(D1TestClient.caller(ACCOUNT)).setName("x1").setDatabaseId("../../etc").build()));
        fails(Status.Code.INVALID_ARGUMENT, "INVALID_REQUEST", () -> d1.create("", "x2"));
    }

    // ------------------------------------------------------------------ queries

    @Test
    void queryReturnsRowsColumnsMetaAndBookmark() {
        String db = newDb();
        QueryResponse w = d1.query(ACCOUNT, db, stmt("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)"),
                stmt("INSERT INTO users (name) VALUES (?), (?)", t("ada"), t("bob")));
        Meta insert = w.getResults(1).getMeta();
        assertEquals(2, insert.getChanges()); // D1-8
        assertEquals(2, insert.getLastRowId());
        assertTrue(insert.getChangedDb());
        assertTrue(insert.getSizeAfter() > 0);
        assertEquals(2, insert.getRowsWritten());
        assertEquals("outpost-d1-shard-0", insert.getServedBy());
        assertTrue(insert.getServedByPrimary());

        QueryResponse r = d1.query(ACCOUNT, db, stmt("SELECT id, name FROM users WHERE id = ?", i(2)));
        StatementResult res = r.getResults(0);
        assertEquals(List.of("id", "name"), res.getColumnsList());
        assertEquals(List.of(List.of(2L, "bob")), rows(res));
        assertFalse(res.getMeta().getChangedDb());
        assertEquals(0, res.getMeta().getChanges());
        assertEquals(1, res.getMeta().getRowsRead());

        // D1-7/D1-15: bookmarks are returned and lexically ordered.
        assertTrue(w.getBookmark().matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}"), w.getBookmark());
        QueryResponse w2 = d1.query(ACCOUNT, db, stmt("INSERT INTO users (name) VALUES ('cy')"));
        assertTrue(w2.getBookmark().compareTo(w.getBookmark()) > 0);

        QueryResponse none = d1.stub().query(QueryRequest.newBuilder().setDb(ref(ACCOUNT, db))
                .addStatements(stmt("SELECT * FROM users")).setFormat(ResultsFormat.RESULTS_FORMAT_NONE).build());
        assertEquals(0, none.getResults(0).getRowsCount());
    }

    @Test
    void batchIsOneTransactionAndAFailureRollsBackAll() { // D1-4
        String db = newDb();
        d1.query(ACCOUNT, db, stmt("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
        StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db,
                stmt("INSERT INTO t VALUES (1, 'a')"), stmt("INSERT INTO t VALUES (2, 'b')"),
                stmt("INSERT INTO t VALUES (3, NULL)")));
        assertEquals("D1_ERROR: NOT NULL constraint failed: t.v: SQLITE_CONSTRAINT", OutpostErrors.messageOf(e));
        assertEquals(0, count(db, "t"), "the first two inserts were rolled back");

        QueryResponse ok = d1.query(ACCOUNT, db, stmt("INSERT INTO t VALUES (1, 'a')"), stmt("INSERT INTO t VALUES (2, 'b')"),
                stmt("SELECT count(*) FROM t"));
        assertEquals(3, ok.getResultsCount());
        assertEquals(2L, rows(ok.getResults(2)).get(0).get(0), "later statements see earlier ones");
    }

    @Test
    void typesRoundTripAsSqliteStoresThem() { // D1-9
        String db = newDb();
        d1.query(ACCOUNT, db, stmt("CREATE TABLE v (i INTEGER, r REAL, s TEXT, b BLOB, n)"));
        long big = (1L << 53) + 1; // exact over gRPC; a JS number would round it (D1-9 note)
        byte[] blob = {0, 1, (byte) 0xff, 42};
        d1.query(ACCOUNT, db, stmt("INSERT INTO v VALUES (?, ?, ?, ?, ?)", i(big), r(2.5), t("héllo ☃"), b(blob), nul()));
        List<Object> row = rows(d1.query(ACCOUNT, db, stmt("SELECT i, r, s, b, n, typeof(i), typeof(r), typeof(b), "
                + "typeof(n) FROM v")).getResults(0)).get(0);
        assertEquals(big, row.get(0));
        assertEquals(2.5, row.get(1));
        assertEquals("héllo ☃", row.get(2));
        assertArrayEquals(blob, ((com.google.protobuf.ByteString) row.get(3)).toByteArray());
        assertEquals(null, row.get(4));
        assertEquals(List.of("integer", "real", "blob", "null"), row.subList(5, 9));
        // REAL that happens to be integral stays REAL.
        assertEquals(3.0, rows(d1.query(ACCOUNT, db, stmt("SELECT ?", r(3.0))).getResults(0)).get(0).get(0));
    }

    @Test
    void execSplitsOnNewlinesAndNamesTheFailingLine() { // D1-5
        String db = newDb();
        ExecResponse ok = d1.stub().exec(ExecRequest.newBuilder().setDb(ref(ACCOUNT, db)).setSql("""
                CREATE TABLE e (x);
                -- a comment line
                INSERT INTO e VALUES (1);
                INSERT INTO e VALUES (2);
                """).build());
        assertEquals(3, ok.getCount());
        assertTrue(ok.getDuration() >= 0);

        StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, "D1_EXEC_ERROR", () -> d1.stub().exec(ExecRequest
                .newBuilder().setDb(ref(ACCOUNT, db)).setSql("INSERT INTO e VALUES (3);\nINSERT INTO nope VALUES (1);\n"
                        + "INSERT INTO e VALUES (4);").build()));
        assertEquals("D1_EXEC_ERROR: Error in line 2: INSERT INTO nope VALUES (1);: no such table: nope: SQLITE_ERROR",
                OutpostErrors.messageOf(e));
        assertEquals(2, count(db, "e"));
    }

    @Test
    void dumpIsRefusedLikeOnCloudflare() { // D1-6
        String db = newDb();
        StatusRuntimeException e = fails(Status.Code.UNIMPLEMENTED, "D1_DUMP_ERROR", () -> d1.stub().dump(ref(ACCOUNT, db)));
        assertTrue(OutpostErrors.messageOf(e).startsWith("D1_DUMP_ERROR: "));
    }

    @Test
    void foreignKeysAreEnforcedByDefault() { // D1-10
        String db = newDb();
        d1.query(ACCOUNT, db, stmt("CREATE TABLE p (id INTEGER PRIMARY KEY)"),
                stmt("CREATE TABLE c (pid INTEGER REFERENCES p(id))"));
        StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR",
                () -> d1.query(ACCOUNT, db, stmt("INSERT INTO c VALUES (7)")));
        assertEquals("D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT", OutpostErrors.messageOf(e));
        // defer_foreign_keys (used by migrations and exports) defers the check to the end of the batch.
        d1.query(ACCOUNT, db, stmt("PRAGMA defer_foreign_keys = on"), stmt("INSERT INTO c VALUES (7)"),
                stmt("INSERT INTO p VALUES (7)"));
        assertEquals(1, count(db, "c"));
    }

    // ------------------------------------------------------------------ errors and limits (D1-10/11/12)

    @Test
    void badSqlPassesSqliteTextThrough() {
        String db = newDb();
        StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR",
                () -> d1.query(ACCOUNT, db, stmt("SELEC 1")));
        assertEquals("D1_ERROR: near \"SELEC\": syntax error: SQLITE_ERROR", OutpostErrors.messageOf(e));
        e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db, stmt("SELECT * FROM missing")));
        assertEquals("D1_ERROR: no such table: missing: SQLITE_ERROR", OutpostErrors.messageOf(e));
    }

    @Test
    void tooManyParametersAreRefused() {
        String db = newDb();
        Value[] params = new Value[101];
        StringBuilder sql = new StringBuilder("SELECT ?");
        for (int k = 0; k < 101; k++) {
            params[k] = i(k);
            if (k > 0) {
                sql.append(", ?");
            }
        }
        StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR",
                () -> d1.query(ACCOUNT, db, stmt(sql.toString(), params)));
        assertTrue(OutpostErrors.messageOf(e).contains("too many SQL variables"), OutpostErrors.messageOf(e));
        // 100 is fine; ?NNN above 100 is refused by SQLite itself.
        Value[] hundred = java.util.Arrays.copyOf(params, 100);
        assertEquals(100, d1.query(ACCOUNT, db, stmt(sql.substring(0, sql.length() - 3), hundred)).getResults(0).getColumnsCount());
        e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db, stmt("SELECT ?101", i(1))));
        assertEquals("D1_ERROR: variable number must be between ?1 and ?100: SQLITE_ERROR", OutpostErrors.messageOf(e));
        e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db, stmt("SELECT ?, ?", i(1))));
        assertTrue(OutpostErrors.messageOf(e).contains("Wrong number of parameter bindings"));
    }

    @Test
    void oversizedValuesRowsAndStatementsAreRefused() {
        String db = newDb();
        d1.query(ACCOUNT, db, stmt("CREATE TABLE big (a, b)"));
        StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR",
                () -> d1.query(ACCOUNT, db, stmt("INSERT INTO big VALUES (?, 1)", b(new byte[2_000_001]))));
        assertTrue(OutpostErrors.messageOf(e).contains("string or blob too big"), OutpostErrors.messageOf(e));
        // Each value fits, the row does not: SQLite's length limit covers the record.
        e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db,
                stmt("INSERT INTO big VALUES (?, ?)", b(new byte[1_200_000]), b(new byte[1_200_000]))));
        assertTrue(OutpostErrors.messageOf(e).contains("string or blob too big"), OutpostErrors.messageOf(e));
        e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db,
                stmt("SELECT length(zeroblob(2000001))")));
        assertTrue(OutpostErrors.messageOf(e).contains("SQLITE_TOOBIG"), OutpostErrors.messageOf(e));
        String longSql = "SELECT '" + "x".repeat(100_000) + "'";
        e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db, stmt(longSql)));
        assertTrue(OutpostErrors.messageOf(e).contains("statement too long"), OutpostErrors.messageOf(e));
        // 101 columns
        StringBuilder cols = new StringBuilder("SELECT 0");
        for (int k = 1; k <= 100; k++) {
            cols.append(", ").append(k);
        }
        e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db, stmt(cols.toString())));
        assertTrue(OutpostErrors.messageOf(e).contains("too many columns"), OutpostErrors.messageOf(e));
        assertEquals(0, count(db, "big"));
    }

    @Test
    void transactionStatementsAndAttachAreRefused() { // D1-10
        String db = newDb();
        for (String sql : List.of("BEGIN TRANSACTION", "COMMIT", "SAVEPOINT s", "ATTACH DATABASE '/tmp/x.db' AS x",
                "VACUUM INTO '/tmp/x.db'", "PRAGMA max_page_count = 4294967294")) {
            StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db, stmt(sql)));
            assertTrue(OutpostErrors.messageOf(e).startsWith("D1_ERROR: not authorized"), OutpostErrors.messageOf(e));
        }
        assertFalse(Files.exists(Path.of("/tmp/x.db")));
    }

    @Test
    void unknownDatabasesAndOtherAccountsDatabasesAreNotFound() {
        String db = newDb();
        StatusRuntimeException e = fails(Status.Code.NOT_FOUND, "DATABASE_NOT_FOUND",
                () -> d1.query(ACCOUNT, UUID.randomUUID().toString(), stmt("SELECT 1")));
        assertTrue(OutpostErrors.messageOf(e).contains("could not be found"));
        fails(Status.Code.NOT_FOUND, "DATABASE_NOT_FOUND", () -> d1.query(OTHER, db, stmt("SELECT 1")));
        fails(Status.Code.NOT_FOUND, "DATABASE_NOT_FOUND", () -> d1.stub().getDatabase(ref(OTHER, db)));
        fails(Status.Code.NOT_FOUND, "DATABASE_NOT_FOUND", () -> d1.stub().deleteDatabase(ref(OTHER, db)));
        fails(Status.Code.NOT_FOUND, "DATABASE_NOT_FOUND", () -> d1.query(ACCOUNT, "not-a-uuid", stmt("SELECT 1")));
        assertEquals(1, rows(d1.query(ACCOUNT, db, stmt("SELECT 1")).getResults(0)).size(), "owner still has it");
    }

    @Test
    void runawayQueryIsInterruptedAndTheDatabaseStaysUsable() { // D1-11 (test timeout: 2 s)
        String db = newDb();
        d1.query(ACCOUNT, db, stmt("CREATE TABLE k (x)"), stmt("INSERT INTO k VALUES (1)"));
        String runaway = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
        long start = System.nanoTime();
        StatusRuntimeException e = fails(Status.Code.RESOURCE_EXHAUSTED, "QUERY_TIMEOUT",
                () -> d1.query(ACCOUNT, db, stmt(runaway)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 1900 && ms < 10_000, "interrupted after " + ms + " ms");
        assertTrue(OutpostErrors.messageOf(e).startsWith("D1_ERROR: the query exceeded the time limit"));
        // A runaway write (on the writer) is interrupted too and rolled back.
        fails(Status.Code.RESOURCE_EXHAUSTED, "QUERY_TIMEOUT", () -> d1.query(ACCOUNT, db,
                stmt("INSERT INTO k WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c")));
        assertEquals(1, count(db, "k"));
        d1.query(ACCOUNT, db, stmt("INSERT INTO k VALUES (2)"));
        assertEquals(2, count(db, "k"));
    }

    @Test
    void sessionsAcceptConstraintsAndOwnBookmarksOnly() { // D1-7
        String db = newDb();
        String bm = d1.query(ACCOUNT, db, stmt("CREATE TABLE s (x)")).getBookmark();
        for (String session : List.of("first-primary", "first-unconstrained", bm)) {
            d1.stub().query(QueryRequest.newBuilder().setDb(ref(ACCOUNT, db)).addStatements(stmt("SELECT 1"))
                    .setSession(session).build());
        }
        for (String bad : List.of("  ", "not-a-bookmark", bm.substring(0, 27) + "0".repeat(32))) {
            fails(Status.Code.INVALID_ARGUMENT, "D1_SESSION_ERROR", () -> d1.stub().query(QueryRequest.newBuilder()
                    .setDb(ref(ACCOUNT, db)).addStatements(stmt("SELECT 1")).setSession(bad).build()));
        }
    }

    // ------------------------------------------------------------------ export / import (D1-13)

    @Test
    void exportThenImportIntoANewDatabaseGivesTheSameRows() {
        String src = newDb();
        d1.query(ACCOUNT, src, stmt("CREATE TABLE p (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, score REAL, pic BLOB)"),
                stmt("CREATE INDEX p_name ON p (name)"),
                stmt("CREATE TABLE c (pid INTEGER REFERENCES p(id), note TEXT)"),
                stmt("INSERT INTO p (name, score, pic) VALUES (?, ?, ?), (?, ?, ?), (?, NULL, NULL)",
                        t("o'brien"), r(1.5), b(new byte[] {1, 2, 3}), t("multi\nline\r\ntext"), r(-0.25),
                        b(new byte[0]), t("plain")),
                stmt("INSERT INTO c VALUES (1, 'x'), (2, NULL)"),
                stmt("CREATE VIEW pv AS SELECT name FROM p"),
                stmt("CREATE TRIGGER pt AFTER DELETE ON p BEGIN DELETE FROM c WHERE pid = old.id; END"));
        ExportResponse exp = d1.stub().export(ExportRequest.newBuilder().setDb(ref(ACCOUNT, src)).build());
        assertTrue(exp.getSql().startsWith("PRAGMA defer_foreign_keys=TRUE;\n"), exp.getSql());
        assertTrue(exp.getSql().contains("CREATE TABLE IF NOT EXISTS p"), exp.getSql());
        assertTrue(exp.getSql().contains("X'010203'"), exp.getSql());
        assertFalse(exp.getBookmark().isEmpty());

        String dst = newDb();
        ImportResponse imp = d1.stub().import_(ImportRequest.newBuilder().setDb(ref(ACCOUNT, dst)).setSql(exp.getSql()).build());
        assertTrue(imp.getNumQueries() >= 9, "queries: " + imp.getNumQueries());
        assertFalse(imp.getFinalBookmark().isEmpty());

        String check = "SELECT id, name, score, pic, typeof(score) FROM p ORDER BY id";
        assertEquals(rows(d1.query(ACCOUNT, src, stmt(check)).getResults(0)),
                rows(d1.query(ACCOUNT, dst, stmt(check)).getResults(0)));
        assertEquals(rows(d1.query(ACCOUNT, src, stmt("SELECT * FROM c")).getResults(0)),
                rows(d1.query(ACCOUNT, dst, stmt("SELECT * FROM c")).getResults(0)));
        String schema = "SELECT type, name FROM sqlite_schema ORDER BY type, name";
        assertEquals(rows(d1.query(ACCOUNT, src, stmt(schema)).getResults(0)),
                rows(d1.query(ACCOUNT, dst, stmt(schema)).getResults(0)));
        // AUTOINCREMENT continues where the source was.
        assertEquals(4L, rows(d1.query(ACCOUNT, dst, stmt("INSERT INTO p (name) VALUES ('new') RETURNING id"))
                .getResults(0)).get(0).get(0));

        // no_data / tables options
        ExportResponse schemaOnly = d1.stub().export(ExportRequest.newBuilder().setDb(ref(ACCOUNT, src)).setNoData(true).build());
        assertFalse(schemaOnly.getSql().contains("INSERT INTO"));
        ExportResponse onlyC = d1.stub().export(ExportRequest.newBuilder().setDb(ref(ACCOUNT, src)).addTables("c").build());
        assertFalse(onlyC.getSql().contains("INSERT INTO \"p\""));
        assertTrue(onlyC.getSql().contains("INSERT INTO \"c\""));
    }

    @Test
    void aFailingImportChangesNothing() {
        String db = newDb();
        StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.stub().import_(ImportRequest
                .newBuilder().setDb(ref(ACCOUNT, db)).setSql("CREATE TABLE i (x);\nINSERT INTO i VALUES (1);\nINSERT INTO nope VALUES (2);")
                .build()));
        assertTrue(OutpostErrors.messageOf(e).contains("statement 3"), OutpostErrors.messageOf(e));
        fails(Status.Code.INVALID_ARGUMENT, "D1_ERROR", () -> d1.query(ACCOUNT, db, stmt("SELECT * FROM i")));
    }

    // ------------------------------------------------------------------ Time Travel (D1-15)

    @Test
    void aClosedDatabaseReopensWithItsDataAndHistory() throws Exception {
        String db = newDb();
        String early = d1.query(ACCOUNT, db, stmt("CREATE TABLE h (v)"), stmt("INSERT INTO h VALUES (1)")).getBookmark();
        d1.query(ACCOUNT, db, stmt("INSERT INTO h VALUES (2)"));
        registry.close(db).get(); // what idle eviction does: archive, close (SQLite checkpoints and drops the WAL)
        assertEquals(2, count(db, "h"));
        d1.query(ACCOUNT, db, stmt("INSERT INTO h VALUES (3)")); // a new WAL generation after reopening
        registry.close(db).get();
        d1.stub().restore(RestoreRequest.newBuilder().setDb(ref(ACCOUNT, db)).setBookmark(early).build());
        assertEquals(List.of(List.of(1L)), rows(d1.query(ACCOUNT, db, stmt("SELECT v FROM h")).getResults(0)));
    }

    @Test
    void restoreToAPointInTimeAndUndoIt() throws Exception {
        String db = newDb();
        d1.query(ACCOUNT, db, stmt("CREATE TABLE tt (v TEXT)"), stmt("INSERT INTO tt VALUES ('a')"));
        Thread.sleep(20);
        long beforeB = System.currentTimeMillis();
        Thread.sleep(20);
        d1.query(ACCOUNT, db, stmt("INSERT INTO tt VALUES ('b')"));
        registry.maintainAll(); // checkpoint + snapshot in between: restore must replay across it
        d1.query(ACCOUNT, db, stmt("INSERT INTO tt VALUES ('c')"), stmt("DELETE FROM tt WHERE v = 'a'"));
        String atEnd = d1.stub().getBookmark(GetBookmarkRequest.newBuilder().setDb(ref(ACCOUNT, db)).build()).getBookmark();

        String atBeforeB = d1.stub().getBookmark(GetBookmarkRequest.newBuilder().setDb(ref(ACCOUNT, db))
                .setTimestampMs(beforeB).build()).getBookmark();
        assertTrue(atBeforeB.compareTo(atEnd) < 0);
        RestoreResponse restored = d1.stub().restore(RestoreRequest.newBuilder().setDb(ref(ACCOUNT, db))
                .setTimestampMs(beforeB).build());
        assertEquals(atEnd, restored.getPreviousBookmark());
        assertTrue(restored.getBookmark().compareTo(atEnd) > 0, "bookmarks keep growing across a restore");
        assertEquals(List.of(List.of("a")), rows(d1.query(ACCOUNT, db, stmt("SELECT v FROM tt ORDER BY v")).getResults(0)));

        // Undo: restore to the previous bookmark.
        d1.stub().restore(RestoreRequest.newBuilder().setDb(ref(ACCOUNT, db)).setBookmark(restored.getPreviousBookmark()).build());
        assertEquals(List.of(List.of("b"), List.of("c")),
                rows(d1.query(ACCOUNT, db, stmt("SELECT v FROM tt ORDER BY v")).getResults(0)));
        assertEquals(List.of(List.of("ok")), rows(d1.query(ACCOUNT, db, stmt("PRAGMA integrity_check")).getResults(0)));

        fails(Status.Code.OUT_OF_RANGE, "TIME_TRAVEL_OUT_OF_RANGE", () -> d1.stub().restore(RestoreRequest.newBuilder()
                .setDb(ref(ACCOUNT, db)).setTimestampMs(System.currentTimeMillis() - 31L * 24 * 3600 * 1000).build()));
        String otherDb = newDb();
        fails(Status.Code.INVALID_ARGUMENT, "INVALID_REQUEST", () -> d1.stub().restore(RestoreRequest.newBuilder()
                .setDb(ref(ACCOUNT, otherDb)).setBookmark(atEnd).build()));
        assertNotEquals(atEnd, restored.getBookmark());
    }
}
