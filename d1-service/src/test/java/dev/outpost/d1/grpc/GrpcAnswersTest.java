package dev.outpost.d1.grpc;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.d1.error.D1Exception;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * D1-3 (binding calls over gRPC): the answer of a call whose work completes on another thread (the database
 * thread) reaches the observer on the call's own Vert.x context, message and completion in one go, and a
 * failure becomes the gRPC status (with the owner trailer of a non-owner refusal, D1 placement).
 */
class GrpcAnswersTest {
    private static Vertx vertx;
    private static final ExecutorService DATABASE_THREAD = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        DATABASE_THREAD.shutdownNow();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void answerIsWrittenOnTheCallsContextAfterWorkOnAnotherThread() throws Exception {
        Recorder<String> observer = new Recorder<>(2);
        Context context = vertx.getOrCreateContext();
        List<Thread> workThread = Collections.synchronizedList(new ArrayList<>());
        context.runOnContext(v -> {
            observer.callThread = Thread.currentThread();
            observer.callContext = Vertx.currentContext();
            GrpcAnswers.answer(observer, () -> CompletableFuture.supplyAsync(() -> {
                workThread.add(Thread.currentThread());
                return 41;
            }, DATABASE_THREAD), n -> "answer " + (n + 1));
        });
        assertTrue(observer.done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("next answer 42", "completed"), observer.events);
        assertNotEquals(observer.callThread, workThread.get(0));
        assertEquals(List.of(observer.callThread, observer.callThread), observer.threads);
        assertSame(observer.callContext, observer.contexts.get(0));
        assertSame(observer.callContext, observer.contexts.get(1));
    }

    @Test
    void failuresBecomeGrpcStatusWithTheOwnerTrailer() throws Exception {
        Recorder<String> observer = new Recorder<>(1);
        vertx.getOrCreateContext().runOnContext(v -> GrpcAnswers.answer(observer,
                () -> CompletableFuture.<Integer>supplyAsync(() -> {
                    throw D1Exception.notOwner("db-1", "10.0.0.2:8083");
                }, DATABASE_THREAD), n -> "unused"));
        assertTrue(observer.done.await(10, TimeUnit.SECONDS));
        StatusRuntimeException status = (StatusRuntimeException) observer.failure;
        assertEquals(Status.Code.FAILED_PRECONDITION, status.getStatus().getCode());
        assertEquals("10.0.0.2:8083", status.getTrailers().get(OutpostErrors.OWNER));
    }

    @Test
    void aFailingMappingOrCallIsAnErrorNotAHang() throws Exception {
        Recorder<String> mapping = new Recorder<>(1);
        Recorder<String> call = new Recorder<>(1);
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            GrpcAnswers.answer(mapping, () -> CompletableFuture.completedFuture(1), n -> {
                throw D1Exception.invalid("bad mapping");
            });
            GrpcAnswers.<Integer, String>answer(call, () -> {
                throw D1Exception.invalid("bad request");
            }, n -> "unused");
        });
        assertTrue(mapping.done.await(10, TimeUnit.SECONDS));
        assertTrue(call.done.await(10, TimeUnit.SECONDS));
        assertEquals(Status.Code.INVALID_ARGUMENT, Status.fromThrowable(mapping.failure).getCode());
        assertTrue(Status.fromThrowable(call.failure).getDescription().contains("bad request"));
    }

    private static final class Recorder<T> implements StreamObserver<T> {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        final List<Context> contexts = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch done;
        volatile Thread callThread;
        volatile Context callContext;
        volatile Throwable failure;

        Recorder(int events) {
            this.done = new CountDownLatch(events);
        }

        private void record(String event) {
            events.add(event);
            threads.add(Thread.currentThread());
            contexts.add(Vertx.currentContext());
            done.countDown();
        }

        @Override
        public void onNext(T value) {
            record("next " + value);
        }

        @Override
        public void onError(Throwable t) {
            failure = t;
            record("error");
        }

        @Override
        public void onCompleted() {
            record("completed");
        }
    }
}
