package dev.outpost.gateway.bindings.service;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * How many worker invocations deep a call is, carried in the request's attachment (its trace context), which
 * every binding call sees. Cloudflare's loop limit (CF-EW-Via): a worker cannot call itself or another worker
 * more than 16 times in a chain; the next call is refused with error 1019.
 */
public final class CallDepth {
    public static final int LIMIT = 16;
    private static final ContextKey<Integer> KEY = ContextKey.named("outpost-worker-call-depth");

    private CallDepth() {
    }

    /** The number of service-binding hops behind the invocation owning {@code attachment} (0 for a request from outside). */
    public static int of(Object attachment) {
        if (attachment instanceof Context context) {
            Integer depth = context.get(KEY);
            return depth == null ? 0 : depth;
        }
        return 0;
    }

    /** The attachment of the next hop: same trace, one deeper. */
    public static Context next(Object attachment) {
        Context base = attachment instanceof Context context ? context : Context.root();
        return base.with(KEY, of(attachment) + 1);
    }

    /** The attachment of a call that arrives from another service with {@code depth} hops behind it. */
    public static Context at(Context base, int depth) {
        return base.with(KEY, depth);
    }

    public static boolean exceeded(Object attachment) {
        return of(attachment) >= LIMIT;
    }
}
