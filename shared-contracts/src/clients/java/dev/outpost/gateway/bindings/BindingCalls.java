package dev.outpost.gateway.bindings;

import dev.outpost.runtime.bindings.BindingCallContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * How every binding client starts a call: inside the trace context of the worker request that
 * makes it (so the gRPC client sends that request's {@code traceparent}), with a deadline, and
 * with failures phrased as the worker should see them.
 */
public final class BindingCalls {
    private BindingCalls() {
    }

    public static <T> CompletionStage<T> start(String prefix, String operation, Duration timeout, Uni<T> call) {
        return start(timeout, call, f -> BindingFailures.describe(prefix, operation, f));
    }

    /** As above, with the binding's own phrasing of failures (e.g. D1 passes the service's message through). */
    public static <T> CompletionStage<T> start(Duration timeout, Uni<T> call,
                                               Function<Throwable, ? extends Throwable> describe) {
        Uni<T> bounded = call.ifNoItem().after(timeout).fail()
                .onFailure().transform(describe);
        Object attachment = BindingCallContext.attachment();
        if (attachment instanceof Context context) {
            try (Scope ignored = context.makeCurrent()) {
                return bounded.subscribeAsCompletionStage();
            }
        }
        return bounded.subscribeAsCompletionStage();
    }
}
