package dev.outpost.runtime.io;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.monitoring.V8HeapStatistics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;

/**
 * What the {@link LimitEnforcer} sees of one isolate: the JavaScript "slice" currently running on the loop
 * thread (which request, since when in thread CPU time) and the heap. Each call from Java into JS is one
 * slice, attributed to one request; the CPU a slice takes is added to that request.
 * <p>
 * Termination is requested under the same lock that ends a slice, so a slow slice is the only thing it can
 * hit; the loop thread then absorbs a termination that arrived after the JS had already returned.
 */
final class IsolateWatch {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long STALE_POLL_NANOS = 30_000_000L;

    private final Object lock = new Object();
    private final long cpuLimitNanos;
    private final long heapBudgetBytes;
    private final long loopThreadId;
    private volatile V8Runtime runtime;

    // guarded by lock
    private RequestContext sliceContext;
    private long sliceCpuStart;
    private boolean terminationRequested;

    private volatile CompletableFuture<V8HeapStatistics> heapPoll;
    private volatile long heapPollStartNanos;
    private long staleRssBaseline;
    private volatile boolean heapExceeded;
    private volatile long lastUsedHeap;

    IsolateWatch(long cpuLimitNanos, long heapBudgetBytes, Thread loopThread) {
        this.cpuLimitNanos = cpuLimitNanos;
        this.heapBudgetBytes = heapBudgetBytes;
        this.loopThreadId = loopThread.getId();
    }

    void runtime(V8Runtime runtime) {
        // Under the lock: a heap poll in progress on the enforcer thread finishes before the runtime is closed.
        synchronized (lock) {
            this.runtime = runtime;
        }
    }

    /** Loop thread: a slice for {@code context} starts. */
    void begin(RequestContext context) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        synchronized (lock) {
            sliceContext = context;
            sliceCpuStart = cpu;
            terminationRequested = false;
        }
    }

    /** Loop thread: the slice ended; returns whether the enforcer requested termination during it. */
    boolean end() {
        long cpu = THREADS.getCurrentThreadCpuTime();
        synchronized (lock) {
            if (sliceContext != null) {
                sliceContext.cpuNanos += Math.max(0, cpu - sliceCpuStart);
            }
            sliceContext = null;
            boolean terminated = terminationRequested;
            terminationRequested = false;
            return terminated;
        }
    }

    boolean heapExceeded() {
        return heapExceeded;
    }

    long lastUsedHeap() {
        return lastUsedHeap;
    }

    /** Enforcer thread: terminates a slice whose request ran past its CPU budget. */
    void checkCpu() {
        V8Runtime rt = runtime;
        if (rt == null) {
            return;
        }
        synchronized (lock) {
            RequestContext context = sliceContext;
            if (context == null) {
                return;
            }
            if (terminationRequested) {
                // V8 can drop a termination request (seen with loops around `new Array(n)`): repeat it until
                // the slice ends. The lock keeps it from reaching a later slice.
                rt.terminateExecution();
                return;
            }
            long used = context.cpuNanos + (THREADS.getThreadCpuTime(loopThreadId) - sliceCpuStart);
            if (used > cpuLimitNanos) {
                context.limitExceeded(LimitKind.CPU);
                terminationRequested = true;
                rt.terminateExecution();
            }
        }
    }

    /**
     * Enforcer thread: asks V8 for heap statistics while JS runs (answered from the isolate thread via an
     * interrupt) and terminates the slice when the isolate is over its heap budget.
     */
    void pollHeap() {
        V8Runtime rt = runtime;
        if (rt == null || heapExceeded) {
            return;
        }
        synchronized (lock) {
            if (sliceContext == null) {
                staleRssBaseline = 0;
                return;
            }
        }
        CompletableFuture<V8HeapStatistics> previous = heapPoll;
        long now = System.nanoTime();
        if (previous != null && !previous.isDone()) {
            if (now - heapPollStartNanos < STALE_POLL_NANOS) {
                return;
            }
            // V8 can also drop the interrupt that answers a heap poll while JS keeps allocating. Fall back to
            // the process's resident memory: growth by more than the budget since the poll went stale is
            // attributed to this running isolate.
            long rss = ProcessMemory.residentBytes();
            if (rss > 0) {
                if (staleRssBaseline == 0) {
                    staleRssBaseline = rss;
                } else if (rss - staleRssBaseline > heapBudgetBytes) {
                    lastUsedHeap = rss - staleRssBaseline;
                    overBudget(rt);
                    return;
                }
            }
        } else {
            staleRssBaseline = 0;
        }
        CompletableFuture<V8HeapStatistics> poll;
        synchronized (lock) {
            // The isolate may have been shut down since the checks above: never ask a closed runtime.
            if (runtime != rt || rt.isClosed()) {
                return;
            }
            poll = rt.getV8HeapStatistics();
        }
        heapPoll = poll;
        heapPollStartNanos = now;
        poll.thenAccept(stats -> {
            if (stats == null) {
                return;
            }
            lastUsedHeap = stats.getUsedHeapSize();
            if (stats.getUsedHeapSize() > heapBudgetBytes) {
                overBudget(rt);
            }
        });
    }

    private void overBudget(V8Runtime rt) {
        heapExceeded = true;
        synchronized (lock) {
            if (sliceContext != null && !terminationRequested) {
                sliceContext.limitExceeded(LimitKind.MEMORY);
                terminationRequested = true;
                rt.terminateExecution();
            }
        }
    }
}
