package dev.outpost.runtime.io;

import dev.outpost.runtime.CacheSettings;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The Cache API's store (checklist RT-6): one per engine, shared by every isolate, so a response one isolate puts
 * is matched by the others. Entries are keyed by a scope (the account, so one account never reads another's
 * entries), the cache name and the URL; the total size is bounded and the least recently used entries go first.
 */
public final class ResponseCache {

    /**
     * A stored response; {@code storedAtMillis} is when put() kept it (its {@code Age} on a hit counts from
     * there), {@code expiresAtMillis} when it stops matching.
     */
    public record Entry(int status, String statusText, List<Map.Entry<String, String>> headers, byte[] body,
                        long storedAtMillis, long expiresAtMillis) {
        long size(String key) {
            long n = body.length + (long) key.length() * 2 + 64;
            for (Map.Entry<String, String> h : headers) {
                n += h.getKey().length() + h.getValue().length() + 8L;
            }
            return n;
        }
    }

    private final long maxBytes;
    private final long maxObjectBytes;
    private final LongSupplier clock;
    // Access order: iteration starts at the least recently used entry.
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Long> sizes = new java.util.HashMap<>();
    private long bytes;

    public ResponseCache(CacheSettings settings) {
        this(settings, System::currentTimeMillis);
    }

    public ResponseCache(CacheSettings settings, LongSupplier clock) {
        this.maxBytes = settings.maxBytes();
        this.maxObjectBytes = settings.maxObjectBytes();
        this.clock = clock;
    }

    /** The key of {@code url} in cache {@code name} (null: {@code caches.default}) of {@code scope}. */
    public static String key(String scope, String name, String url) {
        // NUL cannot occur in a scope or a URL; the default cache's marker cannot clash with a named cache "".
        return scope + '\0' + (name == null ? "\u0001default" : "n" + name) + '\0' + url;
    }

    public long now() {
        return clock.getAsLong();
    }

    /** @return whether the entry was stored (false when it is bigger than the per-object or total budget) */
    public synchronized boolean put(String key, Entry entry) {
        long size = entry.size(key);
        remove(key);
        if (size > maxObjectBytes || size > maxBytes) {
            return false;
        }
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes + size > maxBytes && eldest.hasNext()) {
            String victim = eldest.next().getKey();
            eldest.remove();
            bytes -= sizes.remove(victim);
        }
        entries.put(key, entry);
        sizes.put(key, size);
        bytes += size;
        return true;
    }

    /** The live entry under {@code key}, or null; an expired one is dropped. */
    public synchronized Entry get(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAtMillis() <= clock.getAsLong()) {
            remove(key);
            return null;
        }
        return entry;
    }

    /** @return whether a live entry was there */
    public synchronized boolean delete(String key) {
        Entry entry = entries.get(key);
        boolean live = entry != null && entry.expiresAtMillis() > clock.getAsLong();
        remove(key);
        return live;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return entries.size();
    }

    private void remove(String key) {
        if (entries.remove(key) != null) {
            bytes -= sizes.remove(key);
        }
    }
}
