package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.outpost.contracts.d1.v1.Database;
import dev.outpost.contracts.d1.v1.Meta;
import dev.outpost.contracts.d1.v1.Statement;
import dev.outpost.contracts.d1.v1.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** D1's REST JSON (as d1-service's own API writes it) to and from the D1 gRPC messages (D1-9 values). */
final class D1Json {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private D1Json() {
    }

    /** An import's outcome as stored between ingest and poll. */
    static String write(Map<String, Object> status) {
        try {
            return JSON.writeValueAsString(status);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored D1 import outcome is not JSON", e);
        }
    }

    /** {sql, params} or {batch: [{sql, params}]}. */
    static List<Statement> statements(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(ApiError.BAD_REQUEST, "The body must be a JSON object with sql or batch");
        }
        List<Statement> out = new ArrayList<>();
        if (body.has("batch")) {
            if (!body.get("batch").isArray() || body.get("batch").isEmpty()) {
                throw new ApiException(ApiError.BAD_REQUEST, "batch must be a non-empty array of {sql, params}");
            }
            body.get("batch").forEach(q -> out.add(statement(q)));
        } else {
            out.add(statement(body));
        }
        return out;
    }

    private static Statement statement(JsonNode q) {
        JsonNode sql = q.get("sql");
        if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
            throw new ApiException(ApiError.BAD_REQUEST, "sql is required");
        }
        Statement.Builder s = Statement.newBuilder().setSql(sql.asText());
        JsonNode params = q.get("params");
        if (params != null && !params.isNull()) {
            if (!params.isArray()) {
                throw new ApiException(ApiError.BAD_REQUEST, "params must be an array");
            }
            params.forEach(p -> s.addParams(param(p)));
        }
        return s.build();
    }

    private static Value param(JsonNode p) {
        if (p.isNull()) {
            return Value.newBuilder().setNullValue(true).build();
        }
        if (p.isBoolean()) {
            return Value.newBuilder().setInteger(p.booleanValue() ? 1 : 0).build();
        }
        if (p.isIntegralNumber() && p.canConvertToLong()) {
            return Value.newBuilder().setInteger(p.longValue()).build();
        }
        if (p.isNumber()) {
            double d = p.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15
                    ? Value.newBuilder().setInteger((long) d).build() : Value.newBuilder().setReal(d).build();
        }
        if (p.isTextual()) {
            return Value.newBuilder().setText(p.textValue()).build();
        }
        if (p.isArray()) {
            byte[] b = new byte[p.size()];
            for (int i = 0; i < p.size(); i++) {
                JsonNode x = p.get(i);
                if (!x.isIntegralNumber() || x.intValue() < 0 || x.intValue() > 255) {
                    throw new ApiException(ApiError.BAD_REQUEST, "D1_TYPE_ERROR: Type 'object' not supported for value '" + p + "'");
                }
                b[i] = (byte) x.intValue();
            }
            return Value.newBuilder().setBlob(ByteString.copyFrom(b)).build();
        }
        throw new ApiException(ApiError.BAD_REQUEST, "D1_TYPE_ERROR: Type 'object' not supported for value '" + p + "'");
    }

    /** A column value as D1's REST API shows it: BLOBs as arrays of byte numbers. */
    static Object value(Value v) {
        return switch (v.getKindCase()) {
            case INTEGER -> v.getInteger();
            case REAL -> v.getReal();
            case TEXT -> v.getText();
            case BLOB -> {
                List<Integer> bytes = new ArrayList<>(v.getBlob().size());
                for (byte x : v.getBlob().toByteArray()) {
                    bytes.add(x & 0xff);
                }
                yield bytes;
            }
            default -> null;
        };
    }

    static Map<String, Object> meta(Meta m) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("served_by", m.getServedBy());
        meta.put("served_by_region", m.getServedByRegion());
        meta.put("served_by_primary", true);
        meta.put("timings", Map.of("sql_duration_ms", m.getSqlDurationMs()));
        meta.put("duration", m.getDuration());
        meta.put("changes", m.getChanges());
        meta.put("last_row_id", m.getLastRowId());
        meta.put("changed_db", m.getChangedDb());
        meta.put("size_after", m.getSizeAfter());
        meta.put("rows_read", m.getRowsRead());
        meta.put("rows_written", m.getRowsWritten());
        return meta;
    }

    static Map<String, Object> database(Database d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", d.getUuid());
        m.put("name", d.getName());
        m.put("version", "production");
        m.put("created_at", Instant.ofEpochMilli(d.getCreatedAtMs()).toString());
        m.put("file_size", d.getFileSize());
        m.put("num_tables", d.getNumTables());
        m.put("running_in_region", d.getRunningInRegion());
        m.put("read_replication", Map.of("mode", "disabled"));
        return m;
    }
}
