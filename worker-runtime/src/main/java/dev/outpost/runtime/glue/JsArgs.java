package dev.outpost.runtime.glue;

import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueBoolean;
import com.caoccao.javet.values.primitive.V8ValueNull;
import com.caoccao.javet.values.primitive.V8ValueNumber;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.primitive.V8ValueUndefined;

/** Reads host-function arguments. The prelude validates and coerces before calling, so these stay strict. */
public final class JsArgs {
    private JsArgs() {
    }

    public static V8Value arg(V8Value[] args, int index) {
        return args != null && index < args.length ? args[index] : null;
    }

    public static boolean isNullish(V8Value v) {
        return v == null || v instanceof V8ValueUndefined || v instanceof V8ValueNull;
    }

    /** A string argument, or null for undefined/null. */
    public static String string(V8Value[] args, int index) {
        V8Value v = arg(args, index);
        if (isNullish(v)) {
            return null;
        }
        if (v instanceof V8ValueString s) {
            return s.getValue();
        }
        return v.toString();
    }

    public static int integer(V8Value[] args, int index, int fallback) {
        V8Value v = arg(args, index);
        if (v instanceof V8ValueNumber<?> n) {
            return ((Number) n.getValue()).intValue();
        }
        return fallback;
    }

    public static long longValue(V8Value[] args, int index, long fallback) {
        V8Value v = arg(args, index);
        if (v instanceof V8ValueNumber<?> n) {
            return ((Number) n.getValue()).longValue();
        }
        return fallback;
    }

    public static boolean bool(V8Value[] args, int index) {
        V8Value v = arg(args, index);
        return v instanceof V8ValueBoolean b && b.getValue();
    }
}
