package dev.outpost.d1.grpc;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.d1.v1.Database;
import dev.outpost.contracts.d1.v1.Meta;
import dev.outpost.contracts.d1.v1.Row;
import dev.outpost.contracts.d1.v1.Statement;
import dev.outpost.contracts.d1.v1.Value;
import dev.outpost.d1.model.DatabaseInfo;
import dev.outpost.d1.model.QueryMeta;
import dev.outpost.d1.model.SqlStatement;
import dev.outpost.d1.model.StatementResult;

import java.util.ArrayList;
import java.util.List;

/** Proto messages to and from the service's model (D1-9 values: NULL, INTEGER, REAL, TEXT, BLOB). */
final class ProtoMapping {

    private static final Value NULL = Value.newBuilder().setNullValue(true).build();

    private ProtoMapping() {
    }

    static SqlStatement statement(Statement s) {
        List<Object> params = new ArrayList<>(s.getParamsCount());
        for (Value v : s.getParamsList()) {
            params.add(value(v));
        }
        return new SqlStatement(s.getSql(), params);
    }

    static Object value(Value v) {
        return switch (v.getKindCase()) {
            case INTEGER -> v.getInteger();
            case REAL -> v.getReal();
            case TEXT -> v.getText();
            case BLOB -> v.getBlob().toByteArray();
            case NULL_VALUE, KIND_NOT_SET -> null;
        };
    }

    static Value value(Object o) {
        if (o == null) {
            return NULL;
        }
        if (o instanceof Long l) {
            return Value.newBuilder().setInteger(l).build();
        }
        if (o instanceof Integer i) {
            return Value.newBuilder().setInteger(i).build();
        }
        if (o instanceof Double d) {
            return Value.newBuilder().setReal(d).build();
        }
        if (o instanceof byte[] b) {
            return Value.newBuilder().setBlob(ByteString.copyFrom(b)).build();
        }
        return Value.newBuilder().setText(o.toString()).build();
    }

    static dev.outpost.contracts.d1.v1.StatementResult result(StatementResult r) {
        dev.outpost.contracts.d1.v1.StatementResult.Builder b = dev.outpost.contracts.d1.v1.StatementResult.newBuilder()
                .addAllColumns(r.columns()).setMeta(meta(r.meta()));
        for (Object[] row : r.rows()) {
            Row.Builder rb = Row.newBuilder();
            for (Object v : row) {
                rb.addValues(value(v));
            }
            b.addRows(rb);
        }
        return b.build();
    }

    static Meta meta(QueryMeta m) {
        return Meta.newBuilder().setDuration(m.durationMs()).setChanges(m.changes()).setLastRowId(m.lastRowId())
                .setChangedDb(m.changedDb()).setSizeAfter(m.sizeAfter()).setRowsRead(m.rowsRead())
                .setRowsWritten(m.rowsWritten()).setServedBy(nz(m.servedBy())).setServedByPrimary(true)
                .setServedByRegion(nz(m.servedByRegion())).setSqlDurationMs(m.durationMs()).build();
    }

    static Database database(DatabaseInfo d) {
        return Database.newBuilder().setUuid(d.uuid()).setName(d.name()).setVersion("production")
                .setCreatedAtMs(d.createdAtMs()).setFileSize(d.fileSize())
                .setNumTables(d.numTables() == null ? 0 : d.numTables()).setRunningInRegion(nz(d.region())).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
