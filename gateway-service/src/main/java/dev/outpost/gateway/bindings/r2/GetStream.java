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

/**
 * One streaming Get (R2-2/R2-4): the first message is the head, later ones body chunks. Flow control is manual: a
 * message is requested only when the reader asks for the next chunk, so a slow reader leaves the rest of the object
 * in r2-service's (bounded) pipeline instead of this JVM's heap.
 */
final class GetStream implements ClientResponseObserver<GetRequest, GetResponse>, R2ChunkSource {
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
                }
                return;
            }
            if (message.getChunk().isEmpty()) {
                call.request(1);
                return;
            }
            waiting = pending;
            pending = null;
        }
        if (waiting != null) {
            waiting.complete(message.getChunk().toByteArray());
        }
    }

    @Override
    public void onError(Throwable t) {
        CompletableFuture<byte[]> waiting;
        synchronized (this) {
            failure = R2Failures.describe(t);
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
        pending = new CompletableFuture<>();
        CompletableFuture<byte[]> result = pending;
        call.request(1);
        return result;
    }

    @Override
    public void cancel() {
        synchronized (this) {
            if (ended || failure != null) {
                return;
            }
            ended = true;
        }
        call.cancel("the reader cancelled the body", null);
    }

    @Override
    public synchronized long length() {
        return length;
    }
}
