package dev.outpost.runtime.io;

import dev.outpost.runtime.CacheSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RT-6: what put() keeps and for how long, the shared store's budget and expiry, and match's 304/206 answers. */
class ResponseCacheTest {
    private static final long NOW = 1_700_000_000_000L;

    private static List<Map.Entry<String, String>> headers(String... pairs) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(pairs[i], pairs[i + 1]));
        }
        return out;
    }

    private static long ttl(int status, String... pairs) {
        return CachePolicy.decide(status, headers(pairs), NOW).ttlSeconds();
    }

    @Test
    void rt6CacheControlDecidesTheLifetime() {
        assertEquals(600, ttl(200, "Cache-Control", "public, max-age=600"));
        assertEquals(60, ttl(200, "cache-control", "max-age=600, s-maxage=60"));
        assertEquals(60, ttl(200, "cache-control", "s-maxage=60", "cache-control", "max-age=1"));
        assertFalse(CachePolicy.decide(200, headers("cache-control", "no-store, max-age=60"), NOW).store());
        assertFalse(CachePolicy.decide(200, headers("cache-control", "no-cache"), NOW).store());
        assertFalse(CachePolicy.decide(200, headers("cache-control", "private, max-age=60"), NOW).store());
        assertFalse(CachePolicy.decide(200, headers("cache-control", "max-age=0"), NOW).store());
        // no-cache="field" only restricts that field.
        assertEquals(30, ttl(200, "cache-control", "no-cache=\"x-a, x-b\", max-age=30"));
    }

    @Test
    void rt6ExpiresAndDefaultTtls() {
        assertEquals(3600, ttl(200, "expires", "Tue, 14 Nov 2023 23:13:20 GMT"));
        assertFalse(CachePolicy.decide(200, headers("expires", "0"), NOW).store());
        assertEquals(7200, ttl(200));
        assertEquals(1200, ttl(302));
        assertEquals(180, ttl(404));
        assertFalse(CachePolicy.decide(500, headers(), NOW).store());
        assertFalse(CachePolicy.decide(418, headers(), NOW).store());
    }

    @Test
    void rt6SetCookieIsNotCachedUnlessPrivateSetCookie() {
        assertFalse(CachePolicy.decide(200, headers("set-cookie", "a=b", "cache-control", "max-age=60"), NOW).store());
        CachePolicy.Decision kept = CachePolicy.decide(200,
                headers("Set-Cookie", "a=b", "cache-control", "private=\"Set-Cookie\", max-age=60", "x", "y"), NOW);
        assertEquals(60, kept.ttlSeconds());
        assertEquals(headers("cache-control", "private=\"Set-Cookie\", max-age=60", "x", "y"), kept.headers());
    }

    private static ResponseCache.Entry entry(String body, long expiresAt) {
        return new ResponseCache.Entry(200, "OK", headers("etag", "\"e1\""), body.getBytes(StandardCharsets.UTF_8), NOW, expiresAt);
    }

    @Test
    void rt6StoreExpiresAndEvictsLeastRecentlyUsed() {
        AtomicLong clock = new AtomicLong(NOW);
        ResponseCache cache = new ResponseCache(new CacheSettings(1000, 500), clock::get);
        String a = ResponseCache.key("account:1", null, "https://x/a");
        String b = ResponseCache.key("account:1", null, "https://x/b");
        String c = ResponseCache.key("account:1", null, "https://x/c");
        assertTrue(cache.put(a, entry("a".repeat(200), NOW + 1000)));
        assertTrue(cache.put(b, entry("b".repeat(200), NOW + 1000)));
        assertNotNull(cache.get(a)); // a is now the most recently used
        assertTrue(cache.put(c, entry("c".repeat(200), NOW + 1000)));
        assertNull(cache.get(b), "the least recently used entry goes first");
        assertNotNull(cache.get(a));
        assertNotNull(cache.get(c));
        assertTrue(cache.bytes() <= 1000);
        // Over the per-object cap: accepted by put() and not stored.
        assertFalse(cache.put(b, entry("x".repeat(600), NOW + 1000)));
        assertNull(cache.get(b));
        clock.set(NOW + 1000);
        assertNull(cache.get(a), "expired at its deadline");
        assertFalse(cache.delete(c), "an expired entry is not reported deleted");
        assertEquals(0, cache.size());
        assertEquals(0, cache.bytes());
    }

    @Test
    void rt6KeysSeparateScopesAndCacheNames() {
        ResponseCache cache = new ResponseCache(CacheSettings.defaults());
        cache.put(ResponseCache.key("account:1", null, "https://x/"), entry("one", Long.MAX_VALUE));
        assertNull(cache.get(ResponseCache.key("account:2", null, "https://x/")));
        assertNull(cache.get(ResponseCache.key("account:1", "", "https://x/")));
        assertNull(cache.get(ResponseCache.key("account:1", "default", "https://x/")));
        assertTrue(cache.delete(ResponseCache.key("account:1", null, "https://x/")));
        assertFalse(cache.delete(ResponseCache.key("account:1", null, "https://x/")));
    }

    private static CacheAnswer answer(ResponseCache.Entry stored, List<Map.Entry<String, String>> request) {
        return CacheAnswer.of(stored, request, NOW);
    }

    @Test
    void rt6AHitCarriesItsAgeCountedFromThePutPlusTheAgeItArrivedWith() {
        ResponseCache.Entry fresh = new ResponseCache.Entry(200, "OK", headers("age", "stale", "x", "y"),
                new byte[0], NOW, Long.MAX_VALUE);
        assertEquals(headers("x", "y", "cf-cache-status", "HIT", "age", "42"),
                CacheAnswer.of(fresh, headers(), NOW + 42_999).headers(), "whole seconds since the put");
        ResponseCache.Entry aged = new ResponseCache.Entry(200, "OK", headers("Age", "100"), new byte[0], NOW,
                Long.MAX_VALUE);
        assertEquals(headers("cf-cache-status", "HIT", "age", "105"), CacheAnswer.of(aged, headers(), NOW + 5_000).headers());
        // and it was stored for what was left of its max-age
        assertEquals(500, ttl(200, "cache-control", "max-age=600", "age", "100"));
        assertFalse(CachePolicy.decide(200, headers("cache-control", "max-age=60", "age", "60"), NOW).store());
    }

    @Test
    void rt6MatchAnswersConditionalAndRangeRequests() {
        ResponseCache.Entry stored = new ResponseCache.Entry(200, "OK",
                headers("etag", "\"e1\"", "last-modified", "Wed, 21 Oct 2015 07:28:00 GMT", "content-length", "10",
                        "cf-cache-status", "MISS"),
                "0123456789".getBytes(StandardCharsets.UTF_8), NOW, Long.MAX_VALUE);
        CacheAnswer plain = answer(stored, headers());
        assertEquals(200, plain.status());
        assertEquals(headers("etag", "\"e1\"", "last-modified", "Wed, 21 Oct 2015 07:28:00 GMT", "content-length", "10",
                "cf-cache-status", "HIT", "age", "0"), plain.headers());
        assertEquals(304, answer(stored, headers("if-none-match", "\"x\", W/\"e1\"")).status());
        assertEquals(304, answer(stored, headers("if-none-match", "*")).status());
        assertEquals(200, answer(stored, headers("if-none-match", "\"x\"",
                "if-modified-since", "Thu, 22 Oct 2015 07:28:00 GMT")).status(), "If-None-Match wins");
        assertEquals(304, answer(stored, headers("if-modified-since", "Wed, 21 Oct 2015 07:28:00 GMT")).status());
        assertEquals(200, answer(stored, headers("if-modified-since", "Tue, 20 Oct 2015 07:28:00 GMT")).status());

        CacheAnswer range = answer(stored, headers("Range", "bytes=2-4"));
        assertEquals(206, range.status());
        assertEquals("234", new String(range.body(), StandardCharsets.UTF_8));
        assertTrue(range.headers().contains(new AbstractMap.SimpleImmutableEntry<>("content-range", "bytes 2-4/10")));
        assertFalse(range.headers().stream().anyMatch(h -> h.getKey().equals("content-length")));
        assertEquals("89", new String(answer(stored, headers("range", "bytes=8-")).body(), StandardCharsets.UTF_8));
        assertEquals("789", new String(answer(stored, headers("range", "bytes=-3")).body(), StandardCharsets.UTF_8));
        assertEquals(416, answer(stored, headers("range", "bytes=10-")).status());
        assertEquals(200, answer(stored, headers("range", "bytes=0-1,3-4")).status(), "multi-range: full body");
        assertEquals(200, answer(stored, headers("range", "items=0-1")).status());
    }
}
