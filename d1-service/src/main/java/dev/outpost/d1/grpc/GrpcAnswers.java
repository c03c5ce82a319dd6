package dev.outpost.d1.grpc;

import dev.outpost.d1.error.GrpcErrors;
import io.grpc.stub.StreamObserver;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers a unary gRPC call from a {@link CompletionStage} of the service layer, on the event loop that received
 * the call.
 * <p>
 * The work (SQLite) completes on a database thread. The answer (headers, message, trailers) is written from
 * the call's own Vert.x context in one task: written from the database thread, each of the three would be
 * handed to the event loop as a task of its own — more wake-ups of the event loop and more socket writes, each
 * of which also wakes the caller's I/O thread. The message is built on the database thread (off the event
 * loop, which serves every call of the connection). No Mutiny and no context-propagation wrappers: this is
 * the hot path of every D1 query a worker makes.
 */
final class GrpcAnswers {
    private GrpcAnswers() {
    }

    /** Runs {@code call} (on the calling event loop), maps its value with {@code map} and answers {@code observer}. */
    static <T, R> void answer(StreamObserver<R> observer, Supplier<? extends CompletionStage<T>> call,
                              Function<? super T, ? extends R> map) {
        Context context = Vertx.currentContext();
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            observer.onError(GrpcErrors.toStatus(e));
            return;
        }
        stage.whenComplete((value, failure) -> {
            R message = null;
            Throwable error = failure;
            if (error == null) {
                try {
                    message = map.apply(value);
                } catch (RuntimeException e) {
                    error = e;
                }
            }
            R answer = message;
            Throwable failed = error;
            if (context == null || Vertx.currentContext() == context) {
                send(observer, answer, failed);
            } else {
                context.runOnContext(ignored -> send(observer, answer, failed));
            }
        });
    }

    private static <R> void send(StreamObserver<R> observer, R message, Throwable failure) {
        if (failure != null) {
            observer.onError(GrpcErrors.toStatus(failure));
        } else {
            observer.onNext(message);
            observer.onCompleted();
        }
    }
}
