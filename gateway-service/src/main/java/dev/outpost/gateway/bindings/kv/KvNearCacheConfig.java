package dev.outpost.gateway.bindings.kv;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code outpost.gateway.kv.*}: the gateway's near cache of KV reads (KV-2, KV-9). */
@ConfigMapping(prefix = "outpost.gateway.kv")
public interface KvNearCacheConfig {
    /** false: every get goes to kv-service (cacheTtl is still passed on). */
    @WithDefault("true")
    boolean nearCache();

    /** Most (namespace, key) answers kept, least recently used dropped first. */
    @WithDefault("10000")
    int nearCacheMaxEntries();
}
