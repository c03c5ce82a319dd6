package dev.outpost.runtime.io;

import dev.outpost.runtime.BodyStream;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A Vert.x {@link ReadStream} (an incoming server request, an outbound fetch's response) as a pull-based
 * {@link BodyStream}. The source is paused unless a read waits or less than {@link #HIGH_WATER} bytes are
 * queued, so a worker that reads slowly (or not at all) stops the socket instead of filling the heap.
 * Chunks that queued while JS was busy go out together (up to {@link #MAX_CHUNK}), which keeps the number of
 * crossings into the isolate low for fast senders.
 */
public final class ReadStreamBody implements BodyStream {
    static final int HIGH_WATER = 256 * 1024;
    static final int MAX_CHUNK = 1024 * 1024;

    private final ReadStream<Buffer> source;
    private final Context context;
    private final long limit;
    private final long length;
    private final Consumer<ReadStreamBody> onOverLimit;
    private final Runnable onCancel;
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private int queuedBytes;
    private long total;
    private boolean ended;
    private boolean cancelled;
    private boolean paused;
    private Throwable failure;
    private CompletableFuture<byte[]> pending;

    /**
     * @param limit       most bytes the body may have (0: no limit); past it reads fail and {@code onOverLimit} runs
     * @param length      the announced length, or -1
     * @param onOverLimit runs once (on the source's context) when the body passed {@code limit}; may be null
     * @param onCancel    runs (on the source's context) when the consumer cancels; null drains and discards the rest
     */
    public ReadStreamBody(ReadStream<Buffer> source, Context context, long limit, long length,
                          Consumer<ReadStreamBody> onOverLimit, Runnable onCancel) {
        this.source = source;
        this.context = context;
        this.limit = limit;
        this.length = length;
        this.onOverLimit = onOverLimit;
        this.onCancel = onCancel;
        source.pause();
        paused = true;
        source.handler(this::onChunk);
        source.endHandler(v -> onEnd());
        source.exceptionHandler(this::onError);
    }

    @Override
    public long length() {
        return length;
    }

    /** The bytes received so far. */
    public synchronized long received() {
        return total;
    }

    @Override
    public CompletionStage<byte[]> read() {
        CompletableFuture<byte[]> result;
        boolean resume;
        synchronized (this) {
            if (!queue.isEmpty()) {
                result = CompletableFuture.completedFuture(takeQueued());
            } else if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            } else if (ended || cancelled) {
                return CompletableFuture.completedFuture(null);
            } else if (pending != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("a read is already pending"));
            } else {
                result = pending = new CompletableFuture<>();
            }
            resume = paused && !ended && queuedBytes < HIGH_WATER;
            if (resume) {
                paused = false;
            }
        }
        if (resume) {
            context.runOnContext(v -> source.resume());
        }
        return result;
    }

    @Override
    public void cancel(String reason) {
        synchronized (this) {
            if (cancelled || ended && queue.isEmpty()) {
                cancelled = true;
                return;
            }
            cancelled = true;
            queue.clear();
            queuedBytes = 0;
            paused = false;
        }
        context.runOnContext(v -> {
            if (onCancel != null) {
                onCancel.run();
            } else {
                source.resume();
            }
        });
    }

    private void onChunk(Buffer buffer) {
        CompletableFuture<byte[]> target = null;
        byte[] data = null;
        boolean pause = false;
        boolean overLimit = false;
        synchronized (this) {
            total += buffer.length();
            if (limit > 0 && total > limit && failure == null) {
                failure = new IOException("Request body exceeds the limit of " + limit + " bytes.");
                overLimit = true;
                queue.clear();
                queuedBytes = 0;
                target = pending;
                pending = null;
            } else if (cancelled || failure != null) {
                return;
            } else {
                queue.add(buffer);
                queuedBytes += buffer.length();
                if (pending != null) {
                    target = pending;
                    pending = null;
                    data = takeQueued();
                }
                if (queuedBytes >= HIGH_WATER && !paused) {
                    paused = true;
                    pause = true;
                }
            }
        }
        if (pause) {
            source.pause();
        }
        if (overLimit) {
            if (target != null) {
                target.completeExceptionally(failure);
            }
            if (onOverLimit != null) {
                onOverLimit.accept(this);
            }
            return;
        }
        if (target != null) {
            target.complete(data);
        }
    }

    private void onEnd() {
        CompletableFuture<byte[]> target;
        synchronized (this) {
            ended = true;
            target = pending;
            pending = null;
        }
        if (target != null) {
            target.complete(null);
        }
    }

    private void onError(Throwable error) {
        CompletableFuture<byte[]> target;
        synchronized (this) {
            if (ended || failure != null) {
                return;
            }
            // RT-15: the message workerd gives for a broken body on any binding or fetch.
            failure = new IOException("Network connection lost.", error);
            target = pending;
            pending = null;
        }
        if (target != null) {
            target.completeExceptionally(failure);
        }
    }

    /** Under the lock: the queued buffers as one array of at most MAX_CHUNK bytes. */
    private byte[] takeQueued() {
        Buffer first = queue.peek();
        if (queue.size() == 1 || first.length() >= MAX_CHUNK) {
            queue.poll();
            queuedBytes -= first.length();
            return first.getBytes();
        }
        int size = 0;
        for (Buffer b : queue) {
            if (size + b.length() > MAX_CHUNK && size > 0) {
                break;
            }
            size += b.length();
        }
        byte[] out = new byte[size];
        int offset = 0;
        while (offset < size) {
            Buffer b = queue.poll();
            b.getBytes(out, offset);
            offset += b.length();
        }
        queuedBytes -= size;
        return out;
    }
}
