package dev.outpost.gateway.bindings;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.runtime.bindings.BindingCallContext;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.TimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A unary binding call on a plain grpc-java async stub, completing a {@link CompletableFuture} from the gRPC
 * callback itself. The hot binding calls (D1 queries, KV calls) use this instead of {@link BindingCalls}'
 * Mutiny chain: no Mutiny operators, no context-propagation wrappers around each callback and no per-call timer
 * task — the deadline is the stub's gRPC deadline, which the transport's event loop tracks without a wake-up per
 * call.
 * Same contract as {@link BindingCalls}: started inside the worker request's trace context, failures phrased
 * by {@code describe}, and a missed deadline reported as the Mutiny timeout {@link BindingCalls} reports.
 */
public final class UnaryCalls {
    private UnaryCalls() {
    }

    /**
     * Calls {@code method(request, observer)} (e.g. {@code stub.withDeadlineAfter(..)::query}) on {@code starter}
     * (the channel's event loop, so the call's writes are queued there in one go) and maps its one answer with
     * {@code map}; a failure of the call or of {@code map} completes the stage with {@code describe(failure)}.
     */
    public static <Q, R, T> CompletionStage<T> call(Executor starter, BiConsumer<Q, StreamObserver<R>> method,
                                                    Q request, Function<R, T> map,
                                                    Function<Throwable, ? extends Throwable> describe) {
        Answer<R, T> answer = new Answer<>(map, describe);
        Object attachment = BindingCallContext.attachment();
        try {
            starter.execute(() -> start(attachment, method, request, answer));
        } catch (RuntimeException e) {
            // e.g. the executor shut down with the gateway
            answer.onError(e);
        }
        return answer;
    }

    private static <Q, R> void start(Object attachment, BiConsumer<Q, StreamObserver<R>> method, Q request,
                                     StreamObserver<R> answer) {
        try {
            if (attachment instanceof Context context) {
                // The channel's trace interceptor reads the current context when the call is created.
                try (Scope ignored = context.makeCurrent()) {
                    method.accept(request, answer);
                }
            } else {
                method.accept(request, answer);
            }
        } catch (RuntimeException e) {
            answer.onError(e);
        }
    }

    /** The call's stage and its observer in one object: one allocation per call. */
    private static final class Answer<R, T> extends CompletableFuture<T> implements StreamObserver<R> {
        private final Function<R, T> map;
        private final Function<Throwable, ? extends Throwable> describe;
        private R value;

        Answer(Function<R, T> map, Function<Throwable, ? extends Throwable> describe) {
            this.map = map;
            this.describe = describe;
        }

        @Override
        public void onNext(R next) {
            value = next;
        }

        @Override
        public void onError(Throwable failure) {
            Throwable reported = failure;
            if (Status.fromThrowable(failure).getCode() == Status.Code.DEADLINE_EXCEEDED
                    && OutpostErrors.codeOf(failure) == null) {
                // Our own deadline: worded as the Mutiny timeout of the other binding calls.
                reported = new TimeoutException();
            }
            completeExceptionally(describe.apply(reported));
        }

        @Override
        public void onCompleted() {
            T mapped;
            try {
                mapped = map.apply(value);
            } catch (RuntimeException e) {
                onError(e);
                return;
            }
            complete(mapped);
        }
    }
}
