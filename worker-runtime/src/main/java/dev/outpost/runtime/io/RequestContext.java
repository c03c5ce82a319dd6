package dev.outpost.runtime.io;

import dev.outpost.runtime.WorkerResponse;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * What one request owns in an isolate (workerd's IoContext): its response future, the CPU it used, and the
 * timers and host calls it started. Mutable state other than the future and the limit flag is confined to
 * the isolate's loop thread.
 */
public final class RequestContext {
    /** Startup (module evaluation) is accounted like a request but never answers one. */
    static final int STARTUP_ID = 0;

    private final int id;
    private final String requestId;
    private final Object attachment;
    private final CompletableFuture<WorkerResponse> response = new CompletableFuture<>();
    private final Set<Integer> pendingCalls = new HashSet<>();
    private final Set<Integer> timers = new HashSet<>();
    /** Guarded by the isolate's {@link IsolateWatch} lock. */
    long cpuNanos;
    private volatile LimitKind limitExceeded;
    private volatile ScheduledFuture<?> wallTimer;
    private volatile ScheduledFuture<?> graceTimer;
    private volatile boolean released;
    private boolean aborted;
    /** JS streams Java is reading (a streamed response body): the request lives on until they end. */
    private final java.util.concurrent.atomic.AtomicInteger openStreams = new java.util.concurrent.atomic.AtomicInteger();
    /** RT-10: WebSockets the request answered with that are still open; they keep it alive past its deadlines. */
    private final java.util.concurrent.atomic.AtomicInteger openSockets = new java.util.concurrent.atomic.AtomicInteger();
    private java.util.List<Runnable> onRelease;
    private int subrequests;
    private int bindingOperations;
    /** Chunks of the streamed request body read so far, and the count the wall deadline last saw. */
    private volatile long bodyChunks;
    private long bodyChunksSeen;

    RequestContext(int id, String requestId) {
        this(id, requestId, null);
    }

    RequestContext(int id, String requestId, Object attachment) {
        this.id = id;
        this.requestId = requestId;
        this.attachment = attachment;
    }

    /** The embedder's object handed in with the request (see {@link dev.outpost.runtime.WorkerRequest}). */
    public Object attachment() {
        return attachment;
    }

    public int id() {
        return id;
    }

    public String requestId() {
        return requestId;
    }

    public boolean isStartup() {
        return id == STARTUP_ID;
    }

    CompletableFuture<WorkerResponse> response() {
        return response;
    }

    boolean isDone() {
        return response.isDone();
    }

    /** Completes the response once; later attempts are ignored. */
    boolean complete(WorkerResponse r) {
        return response.complete(r);
    }

    /**
     * The wall deadline also bounds the work a request leaves behind after its response (timers, host calls),
     * so it is cancelled only on {@link #release()}: answered and nothing left.
     */
    void wallTimer(ScheduledFuture<?> timer) {
        this.wallTimer = timer;
        if (released) {
            timer.cancel(false);
        }
    }

    /** RT-4: the deadline of what the request left running after its response; cancelled on release. */
    void graceTimer(ScheduledFuture<?> timer) {
        this.graceTimer = timer;
        if (released) {
            timer.cancel(false);
        }
    }

    /** Loop thread: the request is answered and owns no timers or calls any more. */
    void release() {
        if (released) {
            return;
        }
        released = true;
        ScheduledFuture<?> grace = graceTimer;
        if (grace != null) {
            grace.cancel(false);
        }
        java.util.List<Runnable> cleanups = onRelease;
        onRelease = null;
        if (cleanups != null) {
            for (Runnable cleanup : cleanups) {
                cleanup.run();
            }
        }
        ScheduledFuture<?> timer = wallTimer;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /**
     * Loop thread: whether anything the request owns can still run its JS (a host call to settle, a timer to
     * fire, a JS stream Java reads). Everything that can wake a request must be counted here: this also decides
     * RT-11's "will never generate a response" ({@link #neverResponds()}).
     */
    boolean hasLeftovers() {
        return !pendingCalls.isEmpty() || !timers.isEmpty() || openStreams.get() > 0 || openSockets.get() > 0;
    }

    int openSockets() {
        return openSockets.get();
    }

    void socketOpened() {
        openSockets.incrementAndGet();
    }

    void socketClosed() {
        openSockets.decrementAndGet();
    }

    /**
     * RT-11, as workerd: the request has no response yet and owns nothing that could still produce one (a
     * promise another request may resolve does not count; workerd also cancels such a request).
     */
    boolean neverResponds() {
        return !isStartup() && !isDone() && !aborted && !hasLeftovers();
    }

    boolean isReleased() {
        return released;
    }

    /** Loop thread: registers work to do when the request is released. */
    void onRelease(Runnable cleanup) {
        if (released) {
            cleanup.run();
            return;
        }
        if (onRelease == null) {
            onRelease = new java.util.ArrayList<>(2);
        }
        onRelease.add(cleanup);
    }

    void bodyChunkRead() {
        bodyChunks++;
    }

    /** Deadline thread: true when the request body moved since the last call (the request is not hung). */
    boolean bodyMovedSinceLastCheck() {
        long now = bodyChunks;
        boolean moved = now != bodyChunksSeen;
        bodyChunksSeen = now;
        return moved;
    }

    int openStreams() {
        return openStreams.get();
    }

    void streamOpened() {
        openStreams.incrementAndGet();
    }

    void streamClosed() {
        openStreams.decrementAndGet();
    }

    /** Loop thread: counts one subrequest; true while within {@code limit}. */
    boolean subrequest(int limit) {
        return ++subrequests <= limit;
    }

    boolean bindingOperation(int limit) {
        return ++bindingOperations <= limit;
    }

    LimitKind limitExceeded() {
        return limitExceeded;
    }

    void limitExceeded(LimitKind kind) {
        if (limitExceeded == null) {
            limitExceeded = kind;
        }
    }

    Set<Integer> pendingCalls() {
        return pendingCalls;
    }

    Set<Integer> timers() {
        return timers;
    }

    boolean isAborted() {
        return aborted;
    }

    void markAborted() {
        aborted = true;
    }

    long cpuNanos() {
        return cpuNanos;
    }
}
