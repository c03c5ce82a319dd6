package dev.outpost.gateway.bindings.kv;

import dev.outpost.runtime.bindings.KvEntry;
import jakarta.enterprise.context.ApplicationScoped;

/** The one near cache of this gateway process, shared by every worker's KV bindings; null when switched off. */
@ApplicationScoped
public class KvNearCacheHolder {
    private final KvNearCache<KvEntry> cache;

    public KvNearCacheHolder(KvNearCacheConfig config) {
        this.cache = config.nearCache() ? new KvNearCache<>(config.nearCacheMaxEntries(), KvEntry::expiration) : null;
    }

    public KvNearCache<KvEntry> cache() {
        return cache;
    }
}
