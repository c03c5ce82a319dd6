package dev.outpost.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Route patterns (API-5): their syntax, matching, specificity order and zones. */
class RoutePatternTest {

    @Test
    void hostAndPathWildcards() {
        RoutePattern api = RoutePattern.parse("example.com/api/*");
        assertTrue(api.matches("example.com", "/api/users"));
        assertTrue(api.matches("example.com", "/api/"));
        assertFalse(api.matches("example.com", "/other"));
        assertFalse(api.matches("www.example.com", "/api/users"));

        RoutePattern sub = RoutePattern.parse("*.example.com/*");
        assertTrue(sub.matches("www.example.com", "/x"));
        assertTrue(sub.matches("a.b.example.com", "/"));
        assertFalse(sub.matches("example.com", "/"), "*. needs a subdomain");

        RoutePattern any = RoutePattern.parse("*example.com/*");
        assertTrue(any.matches("example.com", "/"));
        assertTrue(any.matches("shop.example.com", "/cart"));

        RoutePattern exact = RoutePattern.parse("https://shop.example.com/cart");
        assertTrue(exact.matches("shop.example.com", "/cart"));
        assertFalse(exact.matches("shop.example.com", "/cart/1"));
        assertTrue(RoutePattern.parse("example.com").matches("example.com", "/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/*", "exa*mple.com/*", "example.com/a*b", "example.com:8080/*", "example.com/*?q=1",
        "*/*", "ex ample.com/*"})
    void rejectsMalformedPatterns(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> RoutePattern.parse(pattern));
    }

    @Test
    void mostSpecificFirst() {
        List<RoutePattern> patterns = new ArrayList<>();
        for (String p : List.of("*example.com/*", "*.example.com/*", "example.com/*", "api.example.com/*",
                "api.example.com/v1/*", "api.example.com/v1/health")) {
            patterns.add(RoutePattern.parse(p));
        }
        patterns.sort(RoutePattern.MOST_SPECIFIC_FIRST);
        assertEquals(List.of("api.example.com/v1/health", "api.example.com/v1/*", "api.example.com/*", "example.com/*",
                "*.example.com/*", "*example.com/*"), patterns.stream().map(RoutePattern::text).toList());
    }

    @Test
    void zonesAreTheHostWithoutItsWildcard() {
        assertEquals("example.com", RoutePattern.parse("*.example.com/*").zoneName());
        assertEquals("api.example.com", RoutePattern.parse("api.example.com/v1/*").zoneName());
        assertEquals(ZoneIds.of("example.com"), ZoneIds.of("EXAMPLE.com"));
        assertEquals(32, ZoneIds.of("example.com").length());
        assertEquals(List.of(ZoneIds.of("a.b.example.com"), ZoneIds.of("b.example.com"), ZoneIds.of("example.com")),
                ZoneIds.enclosing("a.b.example.com"));
    }
}
