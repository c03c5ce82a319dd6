package dev.outpost.gateway.bindings.r2;

import dev.outpost.contracts.r2.v1.GetHead;
import dev.outpost.contracts.r2.v1.GetRequest;
import dev.outpost.contracts.r2.v1.GetResponse;
import dev.outpost.runtime.bindings.r2.R2ChunkSource;
import dev.outpost.runtime.bindings.r2.R2GetResult;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One streaming Get (R2-2/R2-4): the first message is the head, later ones body chunks. Flow control is manual: a
 * message is requested only when the reader asks for the next chunk, so a slow reader leaves the rest of the object
 * in r2-service's (bounded) pipeline instead of this JVM's heap.
 * <p>
 * A body the worker never reads to its end (e.g. {@code if (await env.B.get(k)) return ...}) would keep the call and
 * r2-service's backend connection open; the stream is cancelled when no read came for {@link #IDLE_SECONDS}.
 */
final class GetStream implements ClientResponseObserver<GetRequest, GetResponse>, R2ChunkSource {
    /** Longer than any worker's wall-clock limit between two reads of a body it is still using. */
    static final long IDLE_SECONDS = 60;
    private static final ScheduledExecutorService IDLE = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "r2-get-idle");
        t.setDaemon(true);
        return t;
    });

    private ScheduledFuture<?> idle;
    private final CompletableFuture<R2GetResult> head = new CompletableFuture<>();
    private ClientCallStreamObserver<GetRequest> call;
    private CompletableFuture<byte[]> pending;
    private boolean ended;
    private Throwable failure;
    private long length = -1;

    /** Completes with null (missing), the object without body (failed onlyIf), or the object and this source. */
    CompletableFuture<R2GetResult> head() {
        return head;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<GetRequest> requestStream) {
        this.call = requestStream;
        requestStream.disableAutoRequestWithInitial(1);
    }

    @Override
    public void onNext(GetResponse message) {
        CompletableFuture<byte[]> waiting;
        synchronized (this) {
            if (message.hasHead()) {
                GetHead h = message.getHead();
                if (!h.getFound()) {
                    head.complete(null);
                } else if (!h.getPreconditionMet()) {
                    head.complete(new R2GetResult(R2Protos.object(h.getObject()), null));
                } else {
                    var object = R2Protos.object(h.getObject());
                    length = object.range() != null && object.range().length() != null ? object.range().length()
                            : object.size();
                    head.complete(new R2GetResult(object, this));
                    armIdle();
                }
                return;
            }
            if (message.getChunk().isEmpty()) {
                call.request(1);
                return;
            }
            waiting = pending;
            pending = null;
            armIdle();
        }
        if (waiting != null) {
            waiting.complete(message.getChunk().toByteArray());
        }
    }

    /** Caller holds the lock. */
    private void armIdle() {
        disarmIdle();
        idle = IDLE.schedule(this::cancelIdle, IDLE_SECONDS, TimeUnit.SECONDS);
    }

    /** Caller holds the lock. */
    private void disarmIdle() {
        if (idle != null) {
            idle.cancel(false);
            idle = null;
        }
    }

    @Override
    public void onError(Throwable t) {
        CompletableFuture<byte[]> waiting;
        synchronized (this) {
            disarmIdle();
            if (failure == null) {
                failure = R2Failures.describe(t);
            }
            waiting = pending;
            pending = null;
        }
        head.completeExceptionally(failure);
        if (waiting != null) {
            waiting.completeExceptionally(failure);
        }
    }

    @Override
    public void onCompleted() {
        CompletableFuture<byte[]> waiting;
        synchronized (this) {
            disarmIdle();
            ended = true;
            waiting = pending;
            pending = null;
        }
        head.complete(null);
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    @Override
    public synchronized CompletionStage<byte[]> next() {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (ended) {
            return CompletableFuture.completedFuture(null);
        }
        if (pending != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("a read is already pending"));
        }
        disarmIdle();
        pending = new CompletableFuture<>();
        CompletableFuture<byte[]> result = pending;
        call.request(1);
        return result;
    }

    @Override
    public void cancel() {
        synchronized (this) {
            disarmIdle();
            if (ended || failure != null) {
                return;
            }
            ended = true;
        }
        call.cancel("the reader cancelled the body", null);
    }

    /** A later read fails instead of seeing a silently shortened body. */
    private void cancelIdle() {
        synchronized (this) {
            if (ended || failure != null || pending != null) {
                return;
            }
            failure = new dev.outpost.runtime.bindings.r2.R2BindingException(
                    dev.outpost.runtime.bindings.r2.R2BindingException.INTERNAL_ERROR,
                    "The object body was not read for " + IDLE_SECONDS + " s and was released.");
        }
        call.cancel("the body was not read for " + IDLE_SECONDS + " s", null);
    }

    @Override
    public synchronized long length() {
        return length;
    }
}
