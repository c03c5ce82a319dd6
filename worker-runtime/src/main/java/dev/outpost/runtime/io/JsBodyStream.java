package dev.outpost.runtime.io;

import dev.outpost.runtime.BodyStream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A JS ReadableStream read from Java (a streamed Response body, the body of an outbound fetch): every
 * {@link #read()} posts one pull to the isolate, which reads one chunk from the stream's reader and hands it
 * back through {@code host.streamChunk}. Nothing is read ahead, so a slow consumer slows the producer.
 */
final class JsBodyStream implements BodyStream {
    /** What the isolate does for the stream; both run the JS on the loop thread. */
    interface Pump {
        void pull(JsBodyStream stream);

        void cancel(JsBodyStream stream, String reason);
    }

    private final int handle;
    private final RequestContext context;
    private final Pump pump;
    private CompletableFuture<byte[]> pending;
    private boolean finished;

    JsBodyStream(int handle, RequestContext context, Pump pump) {
        this.handle = handle;
        this.context = context;
        this.pump = pump;
    }

    int handle() {
        return handle;
    }

    RequestContext context() {
        return context;
    }

    @Override
    public CompletionStage<byte[]> read() {
        CompletableFuture<byte[]> next;
        synchronized (this) {
            if (finished) {
                return CompletableFuture.completedFuture(null);
            }
            if (pending != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("a read is already pending"));
            }
            next = pending = new CompletableFuture<>();
        }
        pump.pull(this);
        return next;
    }

    @Override
    public void cancel(String reason) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        pump.cancel(this, reason);
        fail(new IllegalStateException("cancelled"));
    }

    /** Loop thread: the JS side delivered a chunk (null at the end) or failed. Returns true when the stream ended. */
    boolean deliver(byte[] chunk, String error) {
        CompletableFuture<byte[]> target;
        boolean ended = chunk == null || error != null;
        synchronized (this) {
            target = pending;
            pending = null;
            if (ended) {
                finished = true;
            }
        }
        if (target != null) {
            if (error != null) {
                target.completeExceptionally(new java.io.IOException(error));
            } else {
                target.complete(chunk);
            }
        }
        return ended;
    }

    /** The isolate went away or the request was aborted: a waiting reader learns it. */
    void fail(Throwable cause) {
        CompletableFuture<byte[]> target;
        synchronized (this) {
            finished = true;
            target = pending;
            pending = null;
        }
        if (target != null) {
            target.completeExceptionally(cause);
        }
    }
}
