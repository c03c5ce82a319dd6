package dev.outpost.gateway.bindings.d1;

import com.google.protobuf.UnsafeByteOperations;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.d1.v1.D1ServiceGrpc;
import dev.outpost.contracts.d1.v1.DatabaseRef;
import dev.outpost.contracts.d1.v1.ExecRequest;
import dev.outpost.contracts.d1.v1.Meta;
import dev.outpost.contracts.d1.v1.QueryRequest;
import dev.outpost.contracts.d1.v1.QueryResponse;
import dev.outpost.contracts.d1.v1.Row;
import dev.outpost.contracts.d1.v1.Statement;
import dev.outpost.contracts.d1.v1.StatementResult;
import dev.outpost.contracts.d1.v1.Value;
import dev.outpost.gateway.bindings.BindingFailures;
import dev.outpost.gateway.bindings.UnaryCalls;
import dev.outpost.runtime.bindings.D1DatabaseBinding;
import dev.outpost.runtime.bindings.D1ExecResult;
import dev.outpost.runtime.bindings.D1Meta;
import dev.outpost.runtime.bindings.D1QueryResult;
import dev.outpost.runtime.bindings.D1Result;
import dev.outpost.runtime.bindings.D1Statement;
import dev.outpost.runtime.bindings.D1Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A worker's D1 binding, served by the owning d1-service shard over gRPC (D1-2..D1-9). d1-service's messages
 * already carry D1's prefix ({@code D1_ERROR: ...}) and reach the worker unchanged (D1-12).
 * <p>
 * The owning shard's stub is resolved once (the shard set is configuration), and calls go through
 * {@link UnaryCalls} on a plain async stub: this is the hot path of every D1 query a worker makes.
 */
public final class GrpcD1Database implements D1DatabaseBinding {
    private final D1Shards shards;
    private final DatabaseRef database;
    private final D1ServiceGrpc.D1ServiceStub owner;

    public GrpcD1Database(D1Shards shards, String accountId, String scriptName, String databaseId) {
        this.shards = shards;
        this.owner = shards.ownerAsyncStub(databaseId);
        this.database = DatabaseRef.newBuilder()
                .setCaller(Caller.newBuilder().setAccountId(accountId).setScriptName(scriptName))
                .setDatabaseId(databaseId).build();
    }

    @Override
    public CompletionStage<D1QueryResult> query(List<D1Statement> statements, String session) {
        QueryRequest.Builder request = QueryRequest.newBuilder().setDb(database);
        for (D1Statement statement : statements) {
            Statement.Builder s = request.addStatementsBuilder().setSql(statement.sql());
            for (D1Value param : statement.params()) {
                s.addParams(toProto(param));
            }
        }
        if (session != null) {
            request.setSession(session);
        }
        return UnaryCalls.call(shards.callExecutor(), deadlined()::query, request.build(), GrpcD1Database::fromProto,
                f -> BindingFailures.describeD1("QUERY", f));
    }

    @Override
    public CompletionStage<D1ExecResult> exec(String sql) {
        return UnaryCalls.call(shards.callExecutor(), deadlined()::exec, ExecRequest.newBuilder().setDb(database).setSql(sql).build(),
                r -> new D1ExecResult(r.getCount(), r.getDuration()), f -> BindingFailures.describeD1("EXEC", f));
    }

    /** The owner's stub with this call's deadline ({@link D1Shards#timeout()}, longer than the query limit). */
    private D1ServiceGrpc.D1ServiceStub deadlined() {
        return owner.withDeadlineAfter(shards.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    static Value toProto(D1Value value) {
        Value.Builder v = Value.newBuilder();
        if (value instanceof D1Value.Integer i) {
            v.setInteger(i.value());
        } else if (value instanceof D1Value.Real r) {
            v.setReal(r.value());
        } else if (value instanceof D1Value.Text t) {
            v.setText(t.value());
        } else if (value instanceof D1Value.Blob b) {
            // a fresh array from the isolate's bridge, not written afterwards: wrapped, not copied
            v.setBlob(UnsafeByteOperations.unsafeWrap(b.value()));
        } else {
            v.setNullValue(true);
        }
        return v.build();
    }

    static D1Value fromProto(Value value) {
        return switch (value.getKindCase()) {
            case INTEGER -> D1Value.of(value.getInteger());
            case REAL -> D1Value.of(value.getReal());
            case TEXT -> D1Value.of(value.getText());
            case BLOB -> D1Value.of(value.getBlob().toByteArray());
            default -> D1Value.NULL;
        };
    }

    static D1QueryResult fromProto(QueryResponse response) {
        List<D1Result> results = new ArrayList<>(response.getResultsCount());
        for (StatementResult r : response.getResultsList()) {
            List<List<D1Value>> rows = new ArrayList<>(r.getRowsCount());
            for (Row row : r.getRowsList()) {
                List<D1Value> values = new ArrayList<>(row.getValuesCount());
                for (Value v : row.getValuesList()) {
                    values.add(fromProto(v));
                }
                rows.add(values);
            }
            Meta m = r.getMeta();
            results.add(new D1Result(r.getColumnsList(), rows, new D1Meta(m.getDuration(), m.getChanges(),
                    m.getLastRowId(), m.getChangedDb(), m.getSizeAfter(), m.getRowsRead(), m.getRowsWritten(),
                    m.getServedBy(), m.getServedByPrimary(), m.getServedByRegion().isEmpty() ? null : m.getServedByRegion())));
        }
        return new D1QueryResult(results, response.getBookmark().isEmpty() ? null : response.getBookmark());
    }
}
