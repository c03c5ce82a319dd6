package dev.outpost.gateway.bindings;

import dev.outpost.runtime.bindings.BindingCallContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * How every binding client starts a call: inside the trace context of the worker request that
 * makes it (so the gRPC client sends that request's {@code traceparent}), with a deadline, and
 * with failures phrased as the worker should see them.
 */
public final class BindingCalls {
    private BindingCalls() {
    }

    public static <T> CompletionStage<T> start(String prefix, String operation, Duration timeout, Uni<T> call) {
        Uni<T> bounded = call.ifNoItem().after(timeout).fail()
                .onFailure().transform(f -> BindingFailures.describe(prefix, operation, f));
        Object attachment = BindingCallContext.attachment();
        if (attachment instanceof Context context) {
            try (Scope ignored = context.makeCurrent()) {
                return bounded.subscribeAsCompletionStage();
            }
        }
        return bounded.subscribeAsCompletionStage();
    }
}
