package dev.outpost.gateway.bindings.kv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The gateway's near cache of KV reads (KV-2, KV-9): a hot key read by workers does not cross the network on
 * every request. Entries are keyed by (account, namespace, key) so one account never reads another's cached
 * value; a missing key is cached too (negative lookup, as Cloudflare does). A hit is served while it is younger
 * than the reader's {@code cacheTtl} and the value has not expired (expiration beats caching). Writes through
 * this gateway invalidate; writes elsewhere become visible after at most {@code cacheTtl} (eventual, KV-9).
 * Bounded: least recently used entries go first. Generic in the cached value so it does not tie its unit test to
 * worker-runtime classes (loading those outside Quarkus' class loader breaks the Quarkus tests of the same JVM).
 *
 * @param <V> the cached answer; its absolute expiration (epoch seconds, 0 = none) is read by {@code expirationOf}
 */
public final class KvNearCache<V> {
    /** What a lookup found: {@code entry} is null for a cached negative lookup. */
    public record Hit<V>(V entry) {
    }

    private record Cached<V>(V entry, long storedAtNanos) {
    }

    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final LongSupplier epochSecondsClock;
    private final LinkedHashMap<String, Cached<V>> entries;
    // Bumped by every invalidation: a read that started before a write must not store its (older) answer.
    private final AtomicLong generation = new AtomicLong();

    private final ToLongFunction<V> expirationOf;

    public KvNearCache(int maxEntries, ToLongFunction<V> expirationOf) {
        this(maxEntries, expirationOf, System::nanoTime, () -> System.currentTimeMillis() / 1000);
    }

    KvNearCache(int maxEntries, ToLongFunction<V> expirationOf, LongSupplier nanoClock, LongSupplier epochSecondsClock) {
        this.expirationOf = expirationOf;
        if (maxEntries < 1) {
            throw new IllegalArgumentException("near cache needs room for at least one entry");
        }
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        this.epochSecondsClock = epochSecondsClock;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached<V>> eldest) {
                return size() > KvNearCache.this.maxEntries;
            }
        };
    }

    /** Length-prefixed parts, so no (account, namespace, key) triple can collide with another. */
    public static String key(String accountId, String namespaceId, String key) {
        return accountId.length() + ":" + accountId + namespaceId.length() + ":" + namespaceId + key;
    }

    /** The cached answer if it is fresh for this reader's cacheTtl, else null (go to kv-service). */
    public Hit<V> lookup(String cacheKey, int cacheTtlSeconds) {
        Cached<V> cached;
        synchronized (entries) {
            cached = entries.get(cacheKey);
        }
        if (cached == null) {
            return null;
        }
        if (nanoClock.getAsLong() - cached.storedAtNanos() >= cacheTtlSeconds * 1_000_000_000L) {
            return null;
        }
        V entry = cached.entry();
        if (entry != null) {
            long expiration = expirationOf.applyAsLong(entry);
            if (expiration > 0 && expiration <= epochSecondsClock.getAsLong()) {
                return null;
            }
        }
        return new Hit<>(entry);
    }

    /** Taken before a read goes out; pass it to {@link #store} with the answer. */
    public long generation() {
        return generation.get();
    }

    /** Remembers an answer from kv-service unless a write through this gateway happened since the read began. */
    public void store(String cacheKey, V entry, long readGeneration) {
        long now = nanoClock.getAsLong();
        synchronized (entries) {
            if (generation.get() != readGeneration) {
                return;
            }
            entries.put(cacheKey, new Cached<>(entry, now));
        }
    }

    /** A put or delete through this gateway: later reads here see it at once. */
    public void invalidate(String cacheKey) {
        synchronized (entries) {
            generation.incrementAndGet();
            entries.remove(cacheKey);
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
