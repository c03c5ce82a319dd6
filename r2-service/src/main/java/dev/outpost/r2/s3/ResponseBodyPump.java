package dev.outpost.r2.s3;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Copies an object body from the backend (a blocking InputStream) into a Vert.x response. One task on the blocking
 * executor reads the whole body, a few chunks ahead of the client; the event loop writes whatever is queued while the
 * response has room and resumes on drain. Compared with one executor task per chunk, reads and writes overlap and a
 * chunk costs at most one hop to the event loop (none while the event loop is still busy with earlier ones), which is
 * most of a proxied download's overhead. Memory stays at {@code maxQueued} chunks plus the response's write queue.
 * The stream is always closed; a body that breaks mid-way closes the connection (the status is already sent).
 * <p>
 * Chunks are pooled direct buffers, filled straight from the backend's socket buffer when the stream is also a
 * channel ({@link dev.outpost.r2.storage.BackendBodyStream}): a heap array per chunk would be allocated, zeroed,
 * filled, and copied again into a direct buffer by the socket write. Vert.x writes a wrapped buffer without taking
 * ownership, so each chunk is released when its write completes (or when the pump is cancelled).
 */
final class ResponseBodyPump {

    private static final Logger LOG = Logger.getLogger(ResponseBodyPump.class);
    private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

    private final InputStream in;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Context context;
    private final int chunkBytes;
    private final int maxQueued;
    private final String requestId;
    /** Bytes still expected (Content-Length), so small bodies do not get chunk-sized arrays; negative: unknown. */
    private long remaining;

    // guarded by this
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private boolean eof;
    private boolean cancelled;
    private boolean drainScheduled;
    private Throwable failure;

    ResponseBodyPump(InputStream in, long length, HttpServerRequest request, Context context, int chunkBytes,
            int maxQueued, String requestId) {
        this.remaining = length;
        this.in = in;
        this.request = request;
        this.response = request.response();
        this.context = context;
        this.chunkBytes = chunkBytes;
        this.maxQueued = Math.max(1, maxQueued);
        this.requestId = requestId;
    }

    /** Starts reading on {@code executor}; the response is ended (or its connection closed) when done. */
    void start(Executor executor) {
        context.runOnContext(v -> {
            response.closeHandler(x -> cancel());
            response.drainHandler(x -> drain());
        });
        executor.execute(this::readAll);
    }

    // ------------------------------------------------------------------ reader (blocking executor)

    private void readAll() {
        try {
            while (true) {
                synchronized (this) {
                    while (queue.size() >= maxQueued && !cancelled) {
                        wait();
                    }
                    if (cancelled) {
                        return;
                    }
                }
                int size = remaining < 0 ? chunkBytes : (int) Math.min(chunkBytes, Math.max(remaining, 8192));
                ByteBuf chunk = ALLOC.directBuffer(size, size);
                boolean last;
                try {
                    last = fill(chunk);
                } catch (IOException | RuntimeException e) {
                    chunk.release();
                    throw e;
                }
                int n = chunk.readableBytes();
                remaining -= remaining < 0 ? 0 : n;
                // the declared length is all there is: no extra read (and hop) just to see the end
                last |= remaining == 0;
                if (last && remaining > 0) {
                    chunk.release();
                    throw new IOException("the backend's body ended " + remaining + " bytes short");
                }
                if (n == 0) {
                    chunk.release();
                    chunk = null;
                }
                if (chunk != null || last) {
                    publish(chunk, last, null);
                }
                if (last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            publish(null, false, e);
        } catch (IOException | RuntimeException e) {
            publish(null, false, e);
        } finally {
            closeQuietly();
        }
    }

    /** Reads until {@code chunk} is full or the body ends; true at the end of the body. */
    private boolean fill(ByteBuf chunk) throws IOException {
        if (in instanceof ReadableByteChannel channel) {
            while (chunk.isWritable()) {
                int n = channel.read(chunk.nioBuffer(chunk.writerIndex(), chunk.writableBytes()));
                if (n < 0) {
                    return true;
                }
                chunk.writerIndex(chunk.writerIndex() + n);
            }
            return false;
        }
        while (chunk.isWritable()) {
            if (chunk.writeBytes(in, chunk.writableBytes()) < 0) {
                return true;
            }
        }
        return false;
    }

    private void publish(ByteBuf buffer, boolean last, Throwable error) {
        boolean schedule;
        synchronized (this) {
            if (buffer != null && cancelled) {
                buffer.release();
                buffer = null;
            }
            if (buffer != null) {
                queue.addLast(buffer);
            }
            eof |= last;
            if (error != null && failure == null) {
                failure = error;
            }
            schedule = !drainScheduled;
            drainScheduled = true;
        }
        if (schedule) {
            context.runOnContext(v -> drain());
        }
    }

    // ------------------------------------------------------------------ writer (event loop)

    private void drain() {
        while (true) {
            ByteBuf next;
            boolean done;
            Throwable failed;
            synchronized (this) {
                drainScheduled = false;
                if (cancelled) {
                    releaseQueued();
                    return;
                }
                if (response.closed()) {
                    cancelLocked();
                    return;
                }
                if (!queue.isEmpty() && response.writeQueueFull()) {
                    return; // the drain handler calls again
                }
                next = queue.pollFirst();
                if (next != null) {
                    notifyAll();
                }
                done = eof && queue.isEmpty();
                failed = failure;
            }
            if (next != null && done && failed == null) {
                send(next, true); // the last chunk and the end in one flush
                return;
            }
            if (next != null) {
                send(next, false);
            }
            if (failed != null) {
                LOG.debugf(failed, "object body failed mid-stream (request %s)", requestId);
                if (!response.closed()) {
                    request.connection().close();
                }
                return;
            }
            if (done) {
                if (!response.ended() && !response.closed()) {
                    response.end();
                }
                return;
            }
            if (next == null) {
                return; // the reader schedules the next drain when it has more
            }
        }
    }

    /** Writes a chunk; it goes back to the pool once written (or failed: the write completes either way). */
    private void send(ByteBuf chunk, boolean end) {
        Buffer buffer = Buffer.buffer(chunk);
        try {
            (end ? response.end(buffer) : response.write(buffer)).onComplete(ar -> chunk.release());
        } catch (RuntimeException e) {
            chunk.release(); // the response was already closed or ended: nothing was queued
            throw e;
        }
    }

    private void cancel() {
        synchronized (this) {
            cancelLocked();
        }
    }

    private void cancelLocked() {
        cancelled = true;
        releaseQueued();
        notifyAll();
    }

    private void releaseQueued() {
        ByteBuf b;
        while ((b = queue.pollFirst()) != null) {
            b.release();
        }
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a half-read backend response only releases the connection
        }
    }
}
