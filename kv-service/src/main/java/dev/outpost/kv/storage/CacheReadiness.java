package dev.outpost.kv.storage;

import org.infinispan.AdvancedCache;
import org.infinispan.distribution.DistributionManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.partitionhandling.AvailabilityMode;

/**
 * Whether a cache can serve requests. A clustered cache that recovers a persisted topology is "running" as
 * soon as it is started, but has no topology until every previous member is back; until then it must not
 * count as ready.
 */
public final class CacheReadiness {

    private CacheReadiness() {
    }

    public static boolean serving(EmbeddedCacheManager manager, String cacheName) {
        if (!manager.isRunning(cacheName)) {
            return false;
        }
        try {
            AdvancedCache<?, ?> cache = manager.getCache(cacheName).getAdvancedCache();
            if (!cache.getCacheConfiguration().clustering().cacheMode().isClustered()) {
                return true;
            }
            DistributionManager dm = cache.getDistributionManager();
            return dm != null && dm.isJoinComplete() && dm.getCacheTopology() != null
                    && cache.getAvailability() == AvailabilityMode.AVAILABLE;
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
