package dev.outpost.gateway.bindings.r2;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.outpost.runtime.bindings.r2.R2ChunkSource;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One client-streaming upload (Put, UploadPart): sends the head message, then the body pulled from an
 * {@link R2ChunkSource} only while the transport is ready, in messages of at most {@link #MAX_MESSAGE_BYTES}. So
 * the body moves at the pace r2-service takes it, and a large chunk is never copied into one huge message.
 */
final class UploadStream<Q, R> implements ClientResponseObserver<Q, R> {
    /** Below the gRPC default inbound limit (4 MiB) of r2-service. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final Q head;
    private final R2ChunkSource body;
    private final Function<ByteString, Q> chunkMessage;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private ClientCallStreamObserver<Q> call;
    private R response;
    private boolean headSent;
    private boolean reading;
    private boolean pumping;
    private boolean done;
    private byte[] current;
    private int offset;

    UploadStream(Q head, R2ChunkSource body, Function<ByteString, Q> chunkMessage) {
        this.head = head;
        this.body = body;
        this.chunkMessage = chunkMessage;
    }

    CompletableFuture<R> result() {
        return result;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
        this.call = requestStream;
        requestStream.setOnReadyHandler(this::pump);
    }

    private synchronized void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (!done && call.isReady()) {
                if (!headSent) {
                    call.onNext(head);
                    headSent = true;
                    continue;
                }
                if (current != null) {
                    int n = Math.min(MAX_MESSAGE_BYTES, current.length - offset);
                    call.onNext(chunkMessage.apply(UnsafeByteOperations.unsafeWrap(current, offset, n)));
                    offset += n;
                    if (offset >= current.length) {
                        current = null;
                    }
                    continue;
                }
                if (reading) {
                    return;
                }
                reading = true;
                body.next().whenComplete(this::onChunk);
                if (reading) {
                    return; // the chunk arrives later; onChunk pumps again
                }
            }
        } finally {
            pumping = false;
        }
    }

    private synchronized void onChunk(byte[] chunk, Throwable failure) {
        reading = false;
        if (done) {
            return;
        }
        if (failure != null) {
            done = true;
            call.cancel("the body failed", failure);
            result.completeExceptionally(failure);
            return;
        }
        if (chunk == null) {
            done = true;
            call.onCompleted();
            return;
        }
        current = chunk.length == 0 ? null : chunk;
        offset = 0;
        if (!pumping) {
            pump();
        }
    }

    @Override
    public synchronized void onNext(R value) {
        response = value;
    }

    @Override
    public void onError(Throwable t) {
        synchronized (this) {
            done = true;
        }
        body.cancel();
        result.completeExceptionally(R2Failures.describe(t));
    }

    @Override
    public void onCompleted() {
        R value;
        synchronized (this) {
            boolean unfinished = !done;
            done = true;
            value = response;
            if (unfinished) {
                body.cancel(); // answered early (failed onlyIf): the rest of the body is not needed
            }
        }
        result.complete(value);
    }
}
