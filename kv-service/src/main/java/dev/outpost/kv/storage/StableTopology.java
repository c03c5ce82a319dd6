package dev.outpost.kv.storage;

import java.time.Duration;

import org.infinispan.Cache;
import org.infinispan.commons.CacheException;
import org.infinispan.distribution.DistributionManager;
import org.infinispan.topology.CacheTopology;

/**
 * Tells whether a transaction on a clustered cache ran in one settled topology: the same topology id when it
 * started and when it ended, and no rebalance in progress. Only then is a committed write on every owner for good
 * (see {@link KvDataStore#apply} for the two ways Infinispan loses writes committed otherwise). A local cache is
 * always settled.
 */
final class StableTopology {

    private static final long POLL_MILLIS = 5;

    /** Null in a local cache. */
    private final DistributionManager distribution;
    private final Duration rebalanceWait;

    StableTopology(Cache<?, ?> cache, Duration rebalanceWait) {
        this.distribution = cache.getAdvancedCache().getDistributionManager();
        this.rebalanceWait = rebalanceWait;
    }

    /** The topology now, to compare with after a transaction ({@code null} in a local cache). */
    CacheTopology mark() {
        return distribution == null ? null : distribution.getCacheTopology();
    }

    /** Whether a transaction that started at {@code mark} and has just ended ran in one settled topology. */
    boolean settledSince(CacheTopology mark) {
        return mark == null || (mark.getPhase() == CacheTopology.Phase.NO_REBALANCE && mark.getPendingCH() == null
                && distribution.getCacheTopology().getTopologyId() == mark.getTopologyId());
    }

    /** Waits until no rebalance is in progress (at most the configured time). */
    void awaitNoRebalance() {
        long deadline = System.nanoTime() + rebalanceWait.toNanos();
        while (true) {
            CacheTopology t = distribution.getCacheTopology();
            if (t.getPhase() == CacheTopology.Phase.NO_REBALANCE && t.getPendingCH() == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new CacheException("The KV cluster is still rebalancing after " + rebalanceWait.toSeconds()
                        + " s (topology " + t.getTopologyId() + ", " + t.getPhase() + "); the write may not have been applied");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CacheException("Interrupted while waiting for the KV cluster to finish rebalancing", e);
            }
        }
    }
}
