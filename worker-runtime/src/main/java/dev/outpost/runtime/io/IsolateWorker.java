package dev.outpost.runtime.io;

import dev.outpost.runtime.Invocation;
import dev.outpost.runtime.IsolatePoolSettings;
import dev.outpost.runtime.LoadedWorker;
import dev.outpost.runtime.RpcCall;
import dev.outpost.runtime.ScheduledEvent;
import dev.outpost.runtime.ScheduledResult;
import dev.outpost.runtime.RuntimeLimits;
import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.WorkerEnvironment;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded worker version on a pool of isolates ({@link IsolatePoolSettings}). It starts with the isolate that was
 * compiled at load time; a request goes to the isolate with the fewest requests in flight; when every isolate's
 * thread is saturated another one is started (the request that notices does not wait for it); extra isolates that
 * sit idle are closed by {@link #sweep}. A condemned isolate (memory limit) is replaced in place.
 */
public final class IsolateWorker implements LoadedWorker {
    private static final Logger LOG = Logger.getLogger("dev.outpost.runtime");
    /** Utilization is judged over windows of this length: long enough to smooth one slow request out. */
    private static final long SAMPLE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** One isolate of the pool with what the pool knows about its load. */
    private static final class Member {
        final WorkerIsolate isolate;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile long lastUsedNanos = System.nanoTime();
        // Utilization window, updated by whichever request thread samples (benign races: it is a heuristic).
        volatile long windowStartNanos = System.nanoTime();
        volatile long windowStartBusy;
        volatile double utilization;
        private volatile boolean primed;

        Member(WorkerIsolate isolate) {
            this.isolate = isolate;
        }

        boolean ready() {
            return isolate.ready().isDone() && !isolate.ready().isCompletedExceptionally();
        }

        void sample(long now) {
            if (!primed) {
                // The first window starts once loaded: compiling the bundle is not request load.
                windowStartBusy = isolate.busyNanos();
                windowStartNanos = now;
                primed = true;
                return;
            }
            long elapsed = now - windowStartNanos;
            if (elapsed < SAMPLE_WINDOW_NANOS) {
                return;
            }
            long busy = isolate.busyNanos();
            utilization = (double) (busy - windowStartBusy) / elapsed;
            windowStartBusy = busy;
            windowStartNanos = now;
        }
    }

    private final WorkerBundle bundle;
    private final WorkerEnvironment environment;
    private final RuntimeLimits limits;
    private final IsolatePoolSettings pool;
    private final LimitEnforcer enforcer;
    private final java.util.function.Supplier<OutboundHttp> outbound;
    private final ResponseCache cache;
    private final Runnable onClose;
    private final CopyOnWriteArrayList<Member> members = new CopyOnWriteArrayList<>();
    private volatile boolean growing;
    private volatile boolean closed;

    public IsolateWorker(WorkerBundle bundle, WorkerEnvironment environment, RuntimeLimits limits,
                         IsolatePoolSettings pool, LimitEnforcer enforcer,
                         java.util.function.Supplier<OutboundHttp> outbound, ResponseCache cache, WorkerIsolate loaded,
                         Runnable onClose) {
        this.cache = cache;
        this.bundle = bundle;
        this.environment = environment;
        this.limits = limits;
        this.pool = pool;
        this.enforcer = enforcer;
        this.outbound = outbound;
        this.onClose = onClose;
        members.add(new Member(loaded));
    }

    @Override
    public CompletionStage<WorkerResponse> fetch(WorkerRequest request) {
        return fetch(request, Invocation.DEFAULT);
    }

    @Override
    public CompletionStage<WorkerResponse> fetch(WorkerRequest request, Invocation invocation) {
        if (closed) {
            return CompletableFuture.completedFuture(ErrorResponses.unavailable());
        }
        Member member = pick();
        return tracked(member, member.isolate.fetch(request, invocation));
    }

    @Override
    public CompletionStage<ScheduledResult> scheduled(ScheduledEvent event, Invocation invocation) {
        if (closed) {
            return CompletableFuture.completedFuture(ErrorResponses.unavailable()).thenApply(EntrypointDispatch::scheduledResult);
        }
        Member member = pick();
        return tracked(member, member.isolate.scheduled(event, invocation)).thenApply(EntrypointDispatch::scheduledResult);
    }

    @Override
    public CompletionStage<dev.outpost.runtime.bindings.queue.QueueBatchResult> queue(
            dev.outpost.runtime.bindings.queue.QueueBatch batch, Invocation invocation) {
        if (closed) {
            return CompletableFuture.completedFuture(ErrorResponses.unavailable()).thenApply(EntrypointDispatch::queueResult);
        }
        Member member = pick();
        return tracked(member, member.isolate.queue(batch, invocation)).thenApply(EntrypointDispatch::queueResult);
    }

    @Override
    public CompletionStage<String> call(RpcCall call, Invocation invocation) {
        if (closed) {
            return CompletableFuture.completedFuture(ErrorResponses.unavailable()).thenApply(EntrypointDispatch::rpcOutcome);
        }
        Member member = pick();
        return tracked(member, member.isolate.call(call, invocation)).thenApply(EntrypointDispatch::rpcOutcome);
    }

    /** Counts the call as in flight on {@code member} until it completes (least-loaded routing, idle sweep). */
    private static <T> CompletableFuture<T> tracked(Member member, CompletableFuture<T> call) {
        member.inFlight.incrementAndGet();
        member.lastUsedNanos = System.nanoTime();
        call.whenComplete((r, e) -> member.inFlight.decrementAndGet());
        return call;
    }

    private Member pick() {
        Member best = null;
        boolean saturated = true;
        long now = System.nanoTime();
        for (Member m : members) {
            if (!m.isolate.isUsable()) {
                replace(m);
                continue;
            }
            if (!m.ready()) {
                continue;
            }
            m.sample(now);
            saturated &= m.utilization >= pool.scaleUpUtilization();
            if (best == null || m.inFlight.get() < best.inFlight.get()) {
                best = m;
            }
        }
        if (best == null) {
            // Every isolate is still loading (a replacement): queue behind the first one's load.
            return members.get(0);
        }
        if (saturated && members.size() < pool.maxIsolates() && !growing) {
            grow();
        }
        return best;
    }

    /** Puts a fresh isolate in the condemned one's place; it loads on its own thread, requests queue behind. */
    private synchronized void replace(Member condemned) {
        int index = members.indexOf(condemned);
        if (closed || index < 0) {
            return; // closing, or another request replaced it already
        }
        members.set(index, new Member(new WorkerIsolate(bundle, environment, limits, enforcer, outbound, cache).start()));
        condemned.isolate.close();
    }

    /** Starts one more isolate; it takes requests once it has loaded. */
    private synchronized void grow() {
        if (growing || closed || members.size() >= pool.maxIsolates()) {
            return;
        }
        growing = true;
        WorkerIsolate isolate = new WorkerIsolate(bundle, environment, limits, enforcer, outbound, cache).start();
        isolate.ready().whenComplete((ok, failure) -> {
            synchronized (this) {
                growing = false;
                if (failure != null || closed) {
                    if (failure != null) {
                        LOG.warnf("%s: could not start another isolate: %s", bundle.scriptName(), failure.getMessage());
                    }
                    isolate.close();
                    return;
                }
                members.add(new Member(isolate));
                LOG.debugf("%s: isolate pool grew to %d", bundle.scriptName(), members.size());
            }
        });
    }

    /**
     * Closes extra isolates that have been idle for the pool's idle timeout, or that are idle at all while the
     * process is under memory pressure. The first isolate stays: the version remains warm.
     */
    public void sweep(boolean memoryPressure) {
        long now = System.nanoTime();
        long idleNanos = memoryPressure ? TimeUnit.SECONDS.toNanos(1) : pool.idleTimeout().toNanos();
        List<Member> snapshot = List.copyOf(members);
        for (int i = snapshot.size() - 1; i >= 1; i--) {
            Member m = snapshot.get(i);
            if (m.inFlight.get() == 0 && now - m.lastUsedNanos >= idleNanos) {
                synchronized (this) {
                    if (members.size() > 1 && members.remove(m)) {
                        m.isolate.close();
                        LOG.debugf("%s: closed an idle isolate, %d left", bundle.scriptName(), members.size());
                    }
                }
            }
        }
    }

    /** Isolates in the pool right now (loaded or loading). */
    public int isolateCount() {
        return members.size();
    }

    @Override
    public String scriptName() {
        return bundle.scriptName();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (Member m : members) {
            m.isolate.close();
        }
        onClose.run();
    }
}
