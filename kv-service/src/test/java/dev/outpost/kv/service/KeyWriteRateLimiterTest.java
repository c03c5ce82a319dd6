package dev.outpost.kv.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;

/** KV-5 rate limit logic on a fake clock (milliseconds passed in). */
class KeyWriteRateLimiterTest {

    @Test
    void oneWritePerSecondPerKeyAndNamespace() {
        KeyWriteRateLimiter limiter = new KeyWriteRateLimiter(1);
        assertTrue(limiter.tryAcquire("ns1", "k", 10_000));
        assertFalse(limiter.tryAcquire("ns1", "k", 10_999));
        assertTrue(limiter.tryAcquire("ns1", "other", 10_500));
        assertTrue(limiter.tryAcquire("ns2", "k", 10_500), "another namespace's key is another key");
        assertTrue(limiter.tryAcquire("ns1", "k", 11_000));
        KvException e = assertThrows(KvException.class, () -> limiter.acquire("ns1", "k", 11_200));
        assertEquals(KvError.TOO_MANY_REQUESTS, e.error());
        assertEquals(429, e.error().httpStatus());
    }

    @Test
    void aFailedWriteIsForgottenSoTheRetryGoesThrough() {
        KeyWriteRateLimiter limiter = new KeyWriteRateLimiter(1);
        limiter.acquire("ns", "k", 5_000);
        limiter.release("ns", "k", 5_000);
        assertTrue(limiter.tryAcquire("ns", "k", 5_100));
    }

    @Test
    void higherRatesAndZeroMeansOff() {
        KeyWriteRateLimiter ten = new KeyWriteRateLimiter(10);
        assertTrue(ten.tryAcquire("ns", "k", 0));
        assertFalse(ten.tryAcquire("ns", "k", 99));
        assertTrue(ten.tryAcquire("ns", "k", 100));
        KeyWriteRateLimiter off = new KeyWriteRateLimiter(0);
        for (int i = 0; i < 100; i++) {
            assertTrue(off.tryAcquire("ns", "k", 0));
        }
        assertEquals(0, off.trackedKeys());
        assertThrows(IllegalArgumentException.class, () -> new KeyWriteRateLimiter(-1));
    }

    @Test
    void oldEntriesAreSweptSoTheMapStaysSmall() {
        KeyWriteRateLimiter limiter = new KeyWriteRateLimiter(1);
        for (int i = 0; i < 5000; i++) {
            limiter.tryAcquire("ns", "k" + i, i < 4000 ? 0 : 2_000);
        }
        assertTrue(limiter.trackedKeys() < 2000, "swept: " + limiter.trackedKeys());
    }
}
