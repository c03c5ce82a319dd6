package dev.outpost.gateway.bindings.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The near cache's rules (KV-2 cacheTtl, KV-9 negative lookups and "expiration beats caching"), on a fake clock. */
class KvNearCacheTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong epochSeconds = new AtomicLong(2_000_000_000L);

    /** Stands in for worker-runtime's KvEntry (see the class comment of KvNearCache). */
    private record Entry(String value, long expiration) {
    }

    private KvNearCache<Entry> cache(int max) {
        return new KvNearCache<>(max, Entry::expiration, nanos::get, epochSeconds::get);
    }

    private static Entry entry(String value, long expiration) {
        return new Entry(value, expiration);
    }

    @Test
    void aHitLastsForTheReadersCacheTtl() {
        KvNearCache<Entry> cache = cache(10);
        cache.store("k", entry("v", 0), cache.generation());
        nanos.addAndGet(59_000_000_000L);
        assertNotNull(cache.lookup("k", 60));
        assertNull(cache.lookup("k", 30), "a reader with a shorter cacheTtl goes to the service");
        nanos.addAndGet(1_000_000_000L);
        assertNull(cache.lookup("k", 60), "60 s old: stale for cacheTtl 60");
        assertNotNull(cache.lookup("k", 120));
    }

    @Test
    void missingKeysAreCachedAsNegativeLookups() {
        KvNearCache<Entry> cache = cache(10);
        cache.store("gone", null, cache.generation());
        KvNearCache.Hit<Entry> hit = cache.lookup("gone", 60);
        assertNotNull(hit);
        assertNull(hit.entry());
    }

    @Test
    void expirationBeatsCaching() {
        KvNearCache<Entry> cache = cache(10);
        cache.store("k", entry("v", epochSeconds.get() + 5), cache.generation());
        assertNotNull(cache.lookup("k", 60));
        epochSeconds.addAndGet(5);
        assertNull(cache.lookup("k", 60));
    }

    @Test
    void aWriteInvalidatesAndAReadThatRacedItIsNotStored() {
        KvNearCache<Entry> cache = cache(10);
        cache.store("k", entry("old", 0), cache.generation());
        long readStarted = cache.generation();
        cache.invalidate("k");
        assertNull(cache.lookup("k", 60));
        cache.store("k", entry("old", 0), readStarted);
        assertNull(cache.lookup("k", 60), "an answer read before the write must not be cached after it");
        cache.store("k", entry("new", 0), cache.generation());
        assertEquals("new", cache.lookup("k", 60).entry().value());
    }

    @Test
    void theLeastRecentlyUsedEntryGoesWhenFull() {
        KvNearCache<Entry> cache = cache(2);
        cache.store("a", entry("1", 0), cache.generation());
        cache.store("b", entry("2", 0), cache.generation());
        cache.lookup("a", 60);
        cache.store("c", entry("3", 0), cache.generation());
        assertEquals(2, cache.size());
        assertNotNull(cache.lookup("a", 60));
        assertNull(cache.lookup("b", 60));
        assertNotNull(cache.lookup("c", 60));
    }

    @Test
    void accountsAndNamespacesDoNotShareEntries() {
        assertNotEquals(KvNearCache.key("acct1", "ns", "k"), KvNearCache.key("acct2", "ns", "k"));
        assertNotEquals(KvNearCache.key("ab", "c", "k"), KvNearCache.key("a", "bc", "k"));
        assertNotEquals(KvNearCache.key("a", "bc", "k"), KvNearCache.key("a", "b", "ck"));
    }
}
