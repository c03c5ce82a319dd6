package dev.outpost.runtime;

/**
 * Size bounds of the Cache API store ({@code caches.default}, {@code caches.open(name)}, checklist RT-6), which
 * every isolate of one engine shares.
 *
 * @param maxBytes       total budget of stored responses (bodies, headers and keys); past it the least recently
 *                       used entries are evicted
 * @param maxObjectBytes largest single response kept; a bigger one is accepted by {@code put} and not stored, as
 *                       Cloudflare drops responses over its per-object limit
 */
public record CacheSettings(long maxBytes, long maxObjectBytes) {
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_MAX_OBJECT_BYTES = 8L * 1024 * 1024;

    public CacheSettings {
        if (maxBytes < 0 || maxObjectBytes < 0) {
            throw new IllegalArgumentException("cache sizes must not be negative");
        }
    }

    /** 64 MiB in all, 8 MiB per response. */
    public static CacheSettings defaults() {
        return new CacheSettings(DEFAULT_MAX_BYTES, DEFAULT_MAX_OBJECT_BYTES);
    }
}
