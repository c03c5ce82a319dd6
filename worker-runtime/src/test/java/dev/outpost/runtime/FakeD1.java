package dev.outpost.runtime;

import dev.outpost.runtime.bindings.BindingException;
import dev.outpost.runtime.bindings.D1DatabaseBinding;
import dev.outpost.runtime.bindings.D1ExecResult;
import dev.outpost.runtime.bindings.D1Meta;
import dev.outpost.runtime.bindings.D1QueryResult;
import dev.outpost.runtime.bindings.D1Result;
import dev.outpost.runtime.bindings.D1Statement;
import dev.outpost.runtime.bindings.D1Value;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted D1 binding for the JS semantics (no SQL engine): the SQL text selects the answer.
 * {@code ECHO} returns one row whose columns p1..pn are the bound params (type round trips);
 * {@code ROWS} a fixed two-row table; {@code EMPTY} no rows; {@code FAIL} rejects like D1.
 * A batch containing a failing statement fails as a whole and commits nothing. Stages complete on
 * another thread, as over gRPC.
 */
final class FakeD1 implements D1DatabaseBinding {
    final List<List<D1Statement>> queries = new CopyOnWriteArrayList<>();
    final List<String> sessions = new CopyOnWriteArrayList<>();
    final List<D1Statement> committed = new CopyOnWriteArrayList<>();
    final List<String> execs = new CopyOnWriteArrayList<>();
    private int lsn;

    @Override
    public synchronized CompletionStage<D1QueryResult> query(List<D1Statement> statements, String session) {
        queries.add(statements);
        sessions.add(String.valueOf(session));
        List<D1Result> results = new ArrayList<>();
        for (D1Statement s : statements) {
            if (s.sql().startsWith("FAIL")) {
                return CompletableFuture.supplyAsync(() -> {
                    throw new BindingException("D1_ERROR: no such table: t: SQLITE_ERROR");
                });
            }
            results.add(answer(s));
        }
        committed.addAll(statements);
        String bookmark = String.format("%08x-00000000-00000000-deadbeef", ++lsn);
        return CompletableFuture.supplyAsync(() -> new D1QueryResult(results, bookmark));
    }

    private static D1Result answer(D1Statement s) {
        D1Meta meta = new D1Meta(0.5, 1, 7, true, 4096, 2, 1, "fake-d1", true, "local");
        if (s.sql().startsWith("ECHO")) {
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= s.params().size(); i++) {
                columns.add("p" + i);
            }
            return new D1Result(columns, List.of(s.params()), meta);
        }
        if (s.sql().startsWith("ROWS")) {
            return new D1Result(List.of("id", "name", "data"), List.of(
                    List.of(D1Value.of(1L), D1Value.of("a"), D1Value.of(new byte[]{1, 2, (byte) 255})),
                    List.of(D1Value.of(2L), D1Value.of("b"), D1Value.NULL)), meta);
        }
        return new D1Result(List.of("id"), List.of(), meta);
    }

    @Override
    public CompletionStage<D1ExecResult> exec(String sql) {
        execs.add(sql);
        if (sql.contains("bad")) {
            return CompletableFuture.failedFuture(new BindingException(
                    "D1_EXEC_ERROR: Error in line 2: bad: near \"bad\": syntax error at offset 0: SQLITE_ERROR"));
        }
        return CompletableFuture.supplyAsync(() -> new D1ExecResult(sql.trim().split("\n").length, 1.25));
    }
}
