package dev.outpost.r2.s3;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Copies an object body from the backend (a blocking InputStream) into a Vert.x response. One task on the blocking
 * executor reads the whole body, a few chunks ahead of the client; the event loop writes whatever is queued while the
 * response has room and resumes on drain. Compared with one executor task per chunk, reads and writes overlap and a
 * chunk costs at most one hop to the event loop (none while the event loop is still busy with earlier ones), which is
 * most of a proxied download's overhead. Memory stays at {@code maxQueued} chunks plus the response's write queue.
 * The stream is always closed; a body that breaks mid-way closes the connection (the status is already sent).
 */
final class ResponseBodyPump {

    private static final Logger LOG = Logger.getLogger(ResponseBodyPump.class);

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
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
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
                byte[] chunk = new byte[size];
                int n = in.readNBytes(chunk, 0, chunk.length);
                remaining -= remaining < 0 ? 0 : n;
                boolean last = n < chunk.length;
                if (n > 0 || last) {
                    Buffer buffer = n == 0 ? null : Buffer.buffer(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                    publish(buffer, last, null);
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

    private void publish(Buffer buffer, boolean last, Throwable error) {
        boolean schedule;
        synchronized (this) {
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
            Buffer next;
            boolean done;
            Throwable failed;
            synchronized (this) {
                drainScheduled = false;
                if (cancelled) {
                    queue.clear();
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
                response.end(next); // the last chunk and the end in one flush
                return;
            }
            if (next != null) {
                response.write(next);
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

    private void cancel() {
        synchronized (this) {
            cancelLocked();
        }
    }

    private void cancelLocked() {
        cancelled = true;
        queue.clear();
        notifyAll();
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a half-read backend response only releases the connection
        }
    }
}
