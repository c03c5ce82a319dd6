package dev.outpost.runtime.bindings;

import java.util.function.Supplier;

/**
 * Which request a binding call is made for. A binding implementation is shared by every request
 * of a worker version, and it is invoked on the isolate's thread while that request's JS runs:
 * during that synchronous call, {@link #attachment()} answers the embedder's attachment of the
 * request (e.g. the gateway's trace context, so the call joins the request's trace).
 */
public final class BindingCallContext {
    private static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();

    private BindingCallContext() {
    }

    /** The attachment of the request making the current binding call, or null. */
    public static Object attachment() {
        return CURRENT.get();
    }

    /** Runs {@code operation} with {@code attachment} as the current one. */
    public static <T> T call(Object attachment, Supplier<T> operation) {
        Object previous = CURRENT.get();
        CURRENT.set(attachment);
        try {
            return operation.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
