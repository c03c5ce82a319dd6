package dev.outpost.kv.storage;

import java.time.Duration;

import org.infinispan.Cache;
import org.infinispan.distribution.ch.ConsistentHash;
import org.infinispan.distribution.DistributionManager;
import org.infinispan.topology.CacheTopology;

/**
 * Tells whether a transaction on a clustered cache ran in one settled topology: the same topology id when it
 * started and when it ended, no rebalance in progress, and every segment with its full number of owners (a node
 * that left without a rebalance yet, or a cancelled rebalance, leaves segments short of owners and a rebalance
 * queued). Only then is a committed write on every owner for good (see {@link KvDataStore#apply} for the two ways
 * Infinispan loses writes committed otherwise). A local cache is always settled.
 */
final class StableTopology {

    private static final long POLL_MILLIS = 5;

    /** Null in a local cache. */
    private final DistributionManager distribution;
    private final Duration rebalanceWait;
    private final int numOwners;
    /** The last topology found settled (checking every segment once per topology, not once per write). */
    private volatile CacheTopology lastSettled;

    StableTopology(Cache<?, ?> cache, Duration rebalanceWait) {
        this.distribution = cache.getAdvancedCache().getDistributionManager();
        this.rebalanceWait = rebalanceWait;
        this.numOwners = cache.getCacheConfiguration().clustering().hash().numOwners();
    }

    /** The topology now, to compare with after a transaction ({@code null} in a local cache). */
    CacheTopology mark() {
        return distribution == null ? null : distribution.getCacheTopology();
    }

    /** Whether a transaction that started at {@code mark} and has just ended ran in one settled topology. */
    boolean settledSince(CacheTopology mark) {
        return mark == null
                || (settled(mark) && distribution.getCacheTopology().getTopologyId() == mark.getTopologyId());
    }

    private boolean settled(CacheTopology t) {
        if (t == lastSettled) {
            return true;
        }
        if (t == null || t.getPhase() != CacheTopology.Phase.NO_REBALANCE || t.getPendingCH() != null) {
            return false;
        }
        ConsistentHash ch = t.getCurrentCH();
        int owners = Math.min(numOwners, ch.getMembers().size());
        for (int segment = 0; segment < ch.getNumSegments(); segment++) {
            if (ch.locateOwnersForSegment(segment).size() < owners) {
                return false;
            }
        }
        lastSettled = t;
        return true;
    }

    /** Waits until the topology is settled (at most the configured time). */
    void awaitSettled() {
        long deadline = System.nanoTime() + rebalanceWait.toNanos();
        while (true) {
            CacheTopology t = distribution.getCacheTopology();
            if (settled(t)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new UnsettledTopologyException("The KV cluster is still rebalancing after "
                        + rebalanceWait.toSeconds() + " s (" + (t == null ? "no topology" : "topology "
                        + t.getTopologyId() + ", " + t.getPhase()) + "); the write may not have been applied");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnsettledTopologyException("Interrupted while waiting for the KV cluster to settle", e);
            }
        }
    }
}
