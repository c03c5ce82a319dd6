package dev.outpost.runtime.io;

import dev.outpost.runtime.IsolatePoolSettings;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * The isolate pools of one engine: once a second, on the enforcer's thread, each pool closes the extra isolates
 * that have been idle too long, or every idle extra one while the process is over its memory threshold.
 */
public final class IsolatePools implements AutoCloseable {
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final IsolatePoolSettings settings;
    private final Set<IsolateWorker> pools = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> sweeper;

    public IsolatePools(IsolatePoolSettings settings, LimitEnforcer enforcer) {
        this.settings = settings;
        this.sweeper = enforcer.every(SWEEP_EVERY, this::sweep);
    }

    public IsolatePoolSettings settings() {
        return settings;
    }

    public void add(IsolateWorker pool) {
        pools.add(pool);
    }

    public void remove(IsolateWorker pool) {
        pools.remove(pool);
    }

    public Set<IsolateWorker> all() {
        return Set.copyOf(pools);
    }

    private void sweep() {
        long threshold = settings.memoryPressureBytes();
        boolean pressure = threshold > 0 && ProcessMemory.residentBytes() > threshold;
        for (IsolateWorker pool : pools) {
            pool.sweep(pressure);
        }
    }

    @Override
    public void close() {
        sweeper.cancel(false);
        pools.clear();
    }
}
