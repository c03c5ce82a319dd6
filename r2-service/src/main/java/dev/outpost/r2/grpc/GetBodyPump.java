package dev.outpost.r2.grpc;

import com.google.protobuf.UnsafeByteOperations;
import dev.outpost.contracts.r2.v1.GetResponse;
import dev.outpost.r2.error.GrpcErrors;
import io.grpc.stub.ServerCallStreamObserver;
import io.vertx.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Sends a binding get's answer down its server-streaming call: the head message, then the object body in chunks read
 * from the backend stream. Like the S3 API's {@code ResponseBodyPump}, one loop reads the whole body on the thread
 * that received the backend's answer (OkHttp's, which may block), up to {@code maxQueued} chunks ahead of the call,
 * and the call's event loop sends whatever is queued while gRPC flow control says the call is ready. The Multi it
 * replaces (a Multi reading one chunk per request, sent one at a time) made one blocking-executor task and two event-loop hops
 * per chunk, and read the next chunk only after the previous one was sent, so backend reads and gRPC writes never
 * overlapped. Memory stays at {@code maxQueued} chunks plus gRPC's own send buffer. The stream is always closed; a
 * body that breaks mid-way fails the call.
 * <p>
 * Must be created during the initial call: gRPC takes the ready and cancel handlers only then.
 */
final class GetBodyPump {

    private final ServerCallStreamObserver<GetResponse> call;
    private final Context context;

    // guarded by this
    private final ArrayDeque<GetResponse> queue = new ArrayDeque<>();
    private boolean eof;
    private boolean cancelled;
    private boolean drainScheduled;
    private Throwable failure;
    /** Event loop only: the call was ended (completed or failed). */
    private boolean finished;

    GetBodyPump(ServerCallStreamObserver<GetResponse> call, Context context) {
        this.call = call;
        this.context = context;
        call.setOnReadyHandler(this::drain);
        call.setOnCancelHandler(this::cancel);
    }

    /** Sends {@code only} and completes the call (no body: not found, or a failed onlyIf). */
    void sendOnly(GetResponse only) {
        synchronized (this) {
            queue.addLast(only);
            eof = true;
        }
        schedule();
    }

    /**
     * Sends {@code head}, then {@code body} in chunks of {@code chunkBytes} read on {@code executor} (or right here
     * when that is {@code Runnable::run}), then completes the call.
     */
    void sendBody(GetResponse head, InputStream body, int chunkBytes, int maxQueued, long length, Executor executor) {
        synchronized (this) {
            queue.addLast(head);
        }
        schedule();
        executor.execute(() -> readAll(body, chunkBytes, Math.max(1, maxQueued), length));
    }

    /** Fails the call (before any body was read). */
    void fail(Throwable error) {
        synchronized (this) {
            if (failure == null) {
                failure = error;
            }
        }
        schedule();
    }

    // ------------------------------------------------------------------ reader (blocking thread)

    private void readAll(InputStream in, int chunkBytes, int maxQueued, long length) {
        long remaining = length;
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
                // a small body gets a small array; a body of unknown length full chunks
                int size = remaining < 0 ? chunkBytes : (int) Math.min(chunkBytes, Math.max(remaining, 1));
                byte[] chunk = new byte[size];
                int n = in.readNBytes(chunk, 0, size);
                if (remaining >= 0) {
                    remaining -= n;
                }
                if (n < size && remaining > 0) {
                    throw new IOException("the backend's body ended " + remaining + " bytes short");
                }
                boolean last = n < size || remaining == 0;
                if (n > 0) {
                    byte[] bytes = n == size ? chunk : java.util.Arrays.copyOf(chunk, n);
                    publish(GetResponse.newBuilder().setChunk(UnsafeByteOperations.unsafeWrap(bytes)).build(), last);
                } else {
                    publish(null, true);
                }
                if (last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (IOException | RuntimeException e) {
            fail(e);
        } finally {
            closeQuietly(in);
        }
    }

    private void publish(GetResponse message, boolean last) {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            if (message != null) {
                queue.addLast(message);
            }
            eof |= last;
        }
        schedule();
    }

    private void schedule() {
        synchronized (this) {
            if (drainScheduled) {
                return;
            }
            drainScheduled = true;
        }
        context.runOnContext(v -> drain());
    }

    // ------------------------------------------------------------------ writer (the call's event loop)

    private void drain() {
        if (finished) {
            return;
        }
        while (true) {
            GetResponse next = null;
            boolean done;
            Throwable failed;
            synchronized (this) {
                drainScheduled = false;
                if (cancelled) {
                    queue.clear();
                    return;
                }
                failed = failure;
                if (failed == null) {
                    if (!queue.isEmpty() && !call.isReady()) {
                        return; // the ready handler calls again
                    }
                    next = queue.pollFirst();
                    if (next != null) {
                        notifyAll();
                    }
                }
                done = eof && queue.isEmpty();
            }
            if (failed != null) {
                finished = true;
                call.onError(GrpcErrors.toStatus(failed));
                return;
            }
            if (next != null) {
                call.onNext(next);
            }
            if (done) {
                finished = true;
                call.onCompleted();
                return;
            }
            if (next == null) {
                return; // the reader schedules the next drain when it has more
            }
        }
    }

    private void cancel() {
        synchronized (this) {
            cancelled = true;
            queue.clear();
            notifyAll();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a half-read backend response only releases the connection
        }
    }
}
