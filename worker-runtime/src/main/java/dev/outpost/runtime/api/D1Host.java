package dev.outpost.runtime.api;

import static dev.outpost.runtime.api.HostCallAnswers.started;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueDouble;
import com.caoccao.javet.values.primitive.V8ValueInteger;
import com.caoccao.javet.values.primitive.V8ValueLong;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueTypedArray;
import dev.outpost.runtime.bindings.D1DatabaseBinding;
import dev.outpost.runtime.bindings.D1ExecResult;
import dev.outpost.runtime.bindings.D1Meta;
import dev.outpost.runtime.bindings.D1QueryResult;
import dev.outpost.runtime.bindings.D1Result;
import dev.outpost.runtime.bindings.D1Statement;
import dev.outpost.runtime.bindings.D1Value;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.JsonText;

import java.util.ArrayList;
import java.util.List;

/**
 * Java half of d1.js (checklist D1-2..D1-9): turns host calls into {@link D1DatabaseBinding} calls. Statements
 * arrive as one flat JS array {@code [sql0, params0, sql1, params1, ...]} whose params d1.js already validated
 * and normalized (null, number, string, ArrayBuffer); results go back as one JSON text in D1's shape (meta keys
 * as on Cloudflare, BLOBs as number arrays), parsed by JSON.parse on the JS side. Databases are addressed by
 * their index in the environment. Queries whose params are only null, finite numbers and strings (nearly all)
 * arrive instead as one string ({@code d1QueryText}, read by {@link D1StatementText}): one value crossing from V8
 * instead of a JNI call and a V8 handle per array and per element.
 */
public final class D1Host implements HostApi {
    private static final double TWO_POW_63 = 9.223372036854775807E18;

    private final HostServices services;
    private final List<D1DatabaseBinding> databases;

    public D1Host(HostServices services, List<D1DatabaseBinding> databases) {
        this.services = services;
        this.databases = List.copyOf(databases);
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("d1Query", args -> {
                D1DatabaseBinding db = database(args);
                List<D1Statement> statements = statements((V8ValueArray) JsArgs.arg(args, 2));
                String session = JsArgs.string(args, 3);
                return started(host, services.startBindingCall(JsArgs.integer(args, 0, 0), () -> db.query(statements, session),
                        D1Host::encodeQuery));
            });
            host.function("d1QueryText", args -> {
                D1DatabaseBinding db = database(args);
                List<D1Statement> statements = D1StatementText.decode(JsArgs.string(args, 2));
                String session = JsArgs.string(args, 3);
                return started(host, services.startBindingCall(JsArgs.integer(args, 0, 0), () -> db.query(statements, session),
                        D1Host::encodeQuery));
            });
            host.function("d1Exec", args -> {
                D1DatabaseBinding db = database(args);
                String sql = JsArgs.string(args, 2);
                return started(host, services.startBindingCall(JsArgs.integer(args, 0, 0), () -> db.exec(sql),
                        D1Host::encodeExec));
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    private D1DatabaseBinding database(V8Value[] args) {
        int index = JsArgs.integer(args, 1, -1);
        if (index < 0 || index >= databases.size()) {
            throw new IllegalArgumentException("unknown D1 database index " + index);
        }
        return databases.get(index);
    }

    private static List<D1Statement> statements(V8ValueArray flat) throws JavetException {
        int length = flat.getLength();
        List<D1Statement> out = new ArrayList<>(length / 2);
        for (int i = 0; i + 1 < length; i += 2) {
            String sql;
            try (V8Value s = flat.get(i)) {
                sql = ((V8ValueString) s).getValue();
            }
            List<D1Value> params;
            try (V8ValueArray p = flat.get(i + 1)) {
                int n = p.getLength();
                params = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    try (V8Value v = p.get(j)) {
                        params.add(value(v));
                    }
                }
            }
            out.add(new D1Statement(sql, params));
        }
        return out;
    }

    /** D1-9: integral numbers are INTEGER (when they fit in 64 bits), other numbers REAL. */
    static D1Value value(V8Value v) throws JavetException {
        if (JsArgs.isNullish(v)) {
            return D1Value.NULL;
        }
        if (v instanceof V8ValueInteger i) {
            return D1Value.of((long) i.getValue());
        }
        if (v instanceof V8ValueLong l) {
            return D1Value.of((long) l.getValue());
        }
        if (v instanceof V8ValueDouble d) {
            return number(d.getValue());
        }
        if (v instanceof V8ValueString s) {
            return D1Value.of(s.getValue());
        }
        if (v instanceof V8ValueArrayBuffer || v instanceof V8ValueTypedArray) {
            return D1Value.of(JsBytes.toBytes(v));
        }
        throw new IllegalArgumentException("unexpected D1 parameter " + v.getClass().getSimpleName());
    }

    /** D1-9 for a number JS wrote as text ({@code String(n)} of a finite number, e.g. {@code 42}, {@code 1.5e-7}). */
    static D1Value number(String text) {
        int length = text.length();
        if (length > 0 && length < 16) {
            // the common case, a small integer (JS writes integers below 1e21 without exponent or fraction)
            int i = text.charAt(0) == '-' ? 1 : 0;
            boolean digits = i < length;
            for (; i < length && digits; i++) {
                char c = text.charAt(i);
                digits = c >= '0' && c <= '9';
            }
            if (digits) {
                return D1Value.of(Long.parseLong(text));
            }
        }
        return number(Double.parseDouble(text));
    }

    static D1Value number(double x) {
        if (x == Math.rint(x) && !Double.isInfinite(x) && x >= -TWO_POW_63 && x < TWO_POW_63) {
            return D1Value.of((long) x);
        }
        return D1Value.of(x);
    }

    private static V8Value[] encodeQuery(V8Runtime rt, D1QueryResult result) throws JavetException {
        return new V8Value[]{rt.createV8ValueString(resultsJson(result.results())),
                result.bookmark() == null || result.bookmark().isEmpty()
                        ? rt.createV8ValueNull() : rt.createV8ValueString(result.bookmark())};
    }

    private static V8Value[] encodeExec(V8Runtime rt, D1ExecResult result) throws JavetException {
        return new V8Value[]{rt.createV8ValueInteger(result.count()), rt.createV8ValueDouble(result.duration())};
    }

    /** {@code [{"columns":[..],"rows":[[..]],"meta":{..}}, ...]} */
    static String resultsJson(List<D1Result> results) {
        StringBuilder sb = new StringBuilder(256);
        sb.append('[');
        for (int r = 0; r < results.size(); r++) {
            D1Result result = results.get(r);
            if (r > 0) {
                sb.append(',');
            }
            sb.append("{\"columns\":[");
            for (int c = 0; c < result.columns().size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                JsonText.quote(sb, result.columns().get(c));
            }
            sb.append("],\"rows\":[");
            for (int i = 0; i < result.rows().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('[');
                List<D1Value> row = result.rows().get(i);
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    appendValue(sb, row.get(c));
                }
                sb.append(']');
            }
            sb.append("],\"meta\":");
            appendMeta(sb, result.meta());
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private static void appendValue(StringBuilder sb, D1Value value) {
        if (value instanceof D1Value.Integer i) {
            sb.append(i.value());
        } else if (value instanceof D1Value.Real d) {
            appendDouble(sb, d.value());
        } else if (value instanceof D1Value.Text t) {
            JsonText.quote(sb, t.value());
        } else if (value instanceof D1Value.Blob b) {
            // D1-9: BLOBs read back as number[]
            sb.append('[');
            byte[] bytes = b.value();
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(bytes[i] & 0xff);
            }
            sb.append(']');
        } else {
            sb.append("null");
        }
    }

    private static void appendDouble(StringBuilder sb, double d) {
        if (Double.isNaN(d)) {
            sb.append("null");
        } else if (Double.isInfinite(d)) {
            sb.append(d > 0 ? "1e999" : "-1e999"); // JSON.parse reads these as ±Infinity
        } else {
            sb.append(d);
        }
    }

    /** D1-8, in Cloudflare's key order. */
    private static void appendMeta(StringBuilder sb, D1Meta meta) {
        if (meta == null) {
            meta = new D1Meta(0, 0, 0, false, 0, 0, 0, "outpost-d1", true, null);
        }
        sb.append("{\"served_by\":");
        JsonText.quote(sb, meta.servedBy() == null ? "outpost-d1" : meta.servedBy());
        if (meta.servedByRegion() != null && !meta.servedByRegion().isEmpty()) {
            sb.append(",\"served_by_region\":");
            JsonText.quote(sb, meta.servedByRegion());
        }
        sb.append(",\"served_by_primary\":").append(meta.servedByPrimary());
        sb.append(",\"timings\":{\"sql_duration_ms\":");
        appendDouble(sb, meta.duration());
        sb.append("},\"duration\":");
        appendDouble(sb, meta.duration());
        sb.append(",\"changes\":").append(meta.changes());
        sb.append(",\"last_row_id\":").append(meta.lastRowId());
        sb.append(",\"changed_db\":").append(meta.changedDb());
        sb.append(",\"size_after\":").append(meta.sizeAfter());
        sb.append(",\"rows_read\":").append(meta.rowsRead());
        sb.append(",\"rows_written\":").append(meta.rowsWritten());
        sb.append(",\"total_attempts\":1}");
    }
}
