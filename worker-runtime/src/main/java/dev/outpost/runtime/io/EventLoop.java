package dev.outpost.runtime.io;

import org.jboss.logging.Logger;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The event loop of one isolate: one dedicated thread that runs posted tasks in order, plus timers. Every
 * JavaScript call of the isolate happens on this thread. Other threads only {@link #execute post} tasks.
 */
public final class EventLoop {
    private static final Logger LOG = Logger.getLogger(EventLoop.class);

    /** A scheduled task; cancelled lazily (skipped when due). */
    public static final class Timer implements Comparable<Timer> {
        private final long deadlineNanos;
        private final long sequence;
        private final Runnable task;
        private boolean cancelled;

        private Timer(long deadlineNanos, long sequence, Runnable task) {
            this.deadlineNanos = deadlineNanos;
            this.sequence = sequence;
            this.task = task;
        }

        /** Must be called on the loop thread. */
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadlineNanos, o.deadlineNanos);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean stopped;
    private volatile long busyNanos;
    private long timerSequence;

    public EventLoop(String name) {
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public Thread thread() {
        return thread;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Posts a task; returns false when the loop has stopped (the task will not run). */
    public boolean execute(Runnable task) {
        if (stopped) {
            return false;
        }
        tasks.add(task);
        // Only wake the thread when it is (about to be) parked: a busy loop sees the task anyway.
        if (sleeping) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /** Schedules a task after {@code delayMillis}; must be called on the loop thread. */
    public Timer schedule(long delayMillis, Runnable task) {
        Timer timer = new Timer(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMillis)),
                timerSequence++, task);
        timers.add(timer);
        return timer;
    }

    /** Stops after the current task; queued tasks and timers are dropped. */
    public void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Total time the loop thread spent running tasks and timers: the isolate pool scales on its growth rate. */
    public long busyNanos() {
        return busyNanos;
    }

    private void run() {
        while (!stopped) {
            Runnable task;
            while (!stopped && (task = tasks.poll()) != null) {
                runSafely(task);
            }
            if (stopped) {
                break;
            }
            long waitNanos = runDueTimers();
            if (!tasks.isEmpty()) {
                continue;
            }
            sleeping = true;
            try {
                if (tasks.isEmpty() && !stopped) {
                    if (waitNanos < 0) {
                        LockSupport.park(this);
                    } else if (waitNanos > 0) {
                        LockSupport.parkNanos(this, waitNanos);
                    }
                }
            } finally {
                sleeping = false;
            }
        }
        tasks.clear();
        timers.clear();
    }

    /** Runs the timers that are due; returns nanos until the next one, or -1 when there is none. */
    private long runDueTimers() {
        while (!timers.isEmpty() && !stopped) {
            Timer next = timers.peek();
            if (next.cancelled) {
                timers.poll();
                continue;
            }
            long wait = next.deadlineNanos - System.nanoTime();
            if (wait > 0) {
                return wait;
            }
            timers.poll();
            runSafely(next.task);
            if (!tasks.isEmpty()) {
                // Posted work (responses, settles) goes before further timers.
                return 0;
            }
        }
        return -1;
    }

    private void runSafely(Runnable task) {
        long start = System.nanoTime();
        try {
            task.run();
        } catch (Throwable t) {
            LOG.errorf(t, "task on %s failed", thread.getName());
        } finally {
            // Single writer (this thread); readers only need an eventually fresh value.
            busyNanos += System.nanoTime() - start;
        }
    }
}
