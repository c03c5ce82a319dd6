package dev.outpost.runtime.io;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one place limits are enforced (like workerd's limit-enforcer): a watchdog thread shared by all isolates
 * of an engine that checks CPU per request and heap per isolate every few milliseconds, and the wall-clock
 * deadlines of requests.
 */
public final class LimitEnforcer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LimitEnforcer.class);
    private static final long TICK_MILLIS = 2;
    private static final int HEAP_EVERY_TICKS = 2;

    private final Set<IsolateWatch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor scheduler;
    private long ticks;

    public LimitEnforcer() {
        scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "outpost-limit-enforcer");
            t.setDaemon(true);
            return t;
        });
        // Wall deadlines are cancelled on nearly every request: drop them from the queue right away.
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void register(IsolateWatch watch) {
        watches.add(watch);
    }

    void unregister(IsolateWatch watch) {
        watches.remove(watch);
    }

    /** Runs {@code action} after {@code delay} unless cancelled. */
    ScheduledFuture<?> deadline(Duration delay, Runnable action) {
        return scheduler.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} every {@code period} on the watchdog thread (housekeeping that must not block). */
    ScheduledFuture<?> every(Duration period, Runnable action) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "periodic runtime task failed");
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void tick() {
        boolean heap = ++ticks % HEAP_EVERY_TICKS == 0;
        for (IsolateWatch watch : watches) {
            try {
                watch.checkCpu();
                if (heap) {
                    watch.pollHeap();
                }
            } catch (RuntimeException e) {
                LOG.debugf(e, "limit check failed");
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
