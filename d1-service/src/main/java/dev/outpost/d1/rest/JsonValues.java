package dev.outpost.d1.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import dev.outpost.d1.model.QueryMeta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** D1-9 over JSON: parameters in, values and meta out (BLOBs as arrays of byte numbers, like D1). */
final class JsonValues {

    private JsonValues() {
    }

    static List<Object> params(JsonNode params) {
        List<Object> out = new ArrayList<>();
        if (params == null || params.isNull() || params.isMissingNode()) {
            return out;
        }
        if (!params.isArray()) {
            throw D1Exception.invalid("params must be an array");
        }
        for (JsonNode p : params) {
            out.add(param(p));
        }
        return out;
    }

    private static Object param(JsonNode p) {
        if (p.isNull()) {
            return null;
        }
        if (p.isBoolean()) {
            return p.booleanValue() ? 1L : 0L;
        }
        if (p.isIntegralNumber()) {
            if (!p.canConvertToLong()) {
                throw new D1Exception(D1ErrorCode.D1_TYPE_ERROR, "Type 'bigint' not supported for value '" + p + "'");
            }
            return p.longValue();
        }
        if (p.isNumber()) {
            double d = p.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15 ? (Object) (long) d : (Object) d;
        }
        if (p.isTextual()) {
            return p.textValue();
        }
        if (p.isArray()) {
            byte[] b = new byte[p.size()];
            for (int i = 0; i < p.size(); i++) {
                JsonNode x = p.get(i);
                if (!x.isIntegralNumber() || x.intValue() < 0 || x.intValue() > 255) {
                    throw new D1Exception(D1ErrorCode.D1_TYPE_ERROR, "Type 'object' not supported for value '" + p + "'");
                }
                b[i] = (byte) x.intValue();
            }
            return b;
        }
        throw new D1Exception(D1ErrorCode.D1_TYPE_ERROR, "Type 'object' not supported for value '" + p + "'");
    }

    static Object out(Object v) {
        if (v instanceof byte[] b) {
            List<Integer> l = new ArrayList<>(b.length);
            for (byte x : b) {
                l.add(x & 0xff);
            }
            return l;
        }
        return v;
    }

    static Map<String, Object> meta(QueryMeta m) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("served_by", m.servedBy());
        meta.put("served_by_region", m.servedByRegion());
        meta.put("served_by_primary", true);
        meta.put("timings", Map.of("sql_duration_ms", m.durationMs()));
        meta.put("duration", m.durationMs());
        meta.put("changes", m.changes());
        meta.put("last_row_id", m.lastRowId());
        meta.put("changed_db", m.changedDb());
        meta.put("size_after", m.sizeAfter());
        meta.put("rows_read", m.rowsRead());
        meta.put("rows_written", m.rowsWritten());
        return meta;
    }
}
