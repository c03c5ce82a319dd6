package dev.outpost.kv.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;

/**
 * KV-5: at most {@code writesPerSecond} writes to the same key (Cloudflare: 1; a faster writer gets
 * {@code KV PUT failed: 429 Too Many Requests}). Remembers when each key was last written on this node; a
 * write less than {@code 1000 / writesPerSecond} ms after the previous one is refused. 0 disables the limit.
 *
 * <p>Per node: a client spreading writes of one key over n nodes could reach n writes/s. The gateway sends a
 * key's writes through one channel, so in practice one node sees them. Entries older than the interval are
 * swept now and then so the map holds only recently written keys.
 */
public final class KeyWriteRateLimiter {

    private static final int SWEEP_EVERY = 4096;

    private final long intervalMillis;
    private final ConcurrentHashMap<String, Long> lastWrite = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();

    public KeyWriteRateLimiter(int writesPerSecond) {
        if (writesPerSecond < 0) {
            throw new IllegalArgumentException("outpost.kv.write-rate-per-key must be 0 (off) or positive");
        }
        this.intervalMillis = writesPerSecond == 0 ? 0 : Math.max(1, 1000 / writesPerSecond);
    }

    /** Records a write of {@code key} at {@code nowMillis}, or throws 429 when the key was written too recently. */
    public void acquire(String namespaceId, String key, long nowMillis) {
        if (!tryAcquire(namespaceId, key, nowMillis)) {
            throw new KvException(KvError.TOO_MANY_REQUESTS, "Too Many Requests");
        }
    }

    /** @return whether the write may go ahead (and it is then recorded). */
    public boolean tryAcquire(String namespaceId, String key, long nowMillis) {
        if (intervalMillis == 0) {
            return true;
        }
        String id = namespaceId + ':' + key;
        boolean[] allowed = { false };
        lastWrite.compute(id, (k, previous) -> {
            if (previous == null || nowMillis - previous >= intervalMillis) {
                allowed[0] = true;
                return nowMillis;
            }
            return previous;
        });
        if (allowed[0] && sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            sinceSweep.set(0);
            lastWrite.values().removeIf(t -> nowMillis - t >= intervalMillis);
        }
        return allowed[0];
    }

    /** Forgets a recorded write (it failed before anything was stored), so a retry is not refused. */
    public void release(String namespaceId, String key, long nowMillis) {
        if (intervalMillis != 0) {
            lastWrite.remove(namespaceId + ':' + key, nowMillis);
        }
    }

    int trackedKeys() {
        return lastWrite.size();
    }
}
