package dev.outpost.gateway.routing;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Workers route pattern such as {@code example.com/api/*}, {@code *.example.com/*} or {@code shop.example.com/cart}:
 * an optional {@code http://}/{@code https://} (ignored), a host that may start with {@code *} (any prefix,
 * including none), and a path that may end with {@code *} (any suffix). A pattern without a path covers only
 * {@code /}. The query string never takes part in matching.
 */
public final class RoutePattern {
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    /** Most specific first: an exact host before a wildcard one, a longer host, then an exact path, a longer path. */
    public static final Comparator<RoutePattern> MOST_SPECIFIC_FIRST = Comparator
            .comparing((RoutePattern p) -> p.hostWildcard)
            .thenComparing(p -> -p.hostSuffix.length())
            .thenComparing(p -> p.pathWildcard)
            .thenComparing(p -> -p.pathPrefix.length())
            .thenComparing(p -> p.text);

    private final String text;
    private final boolean hostWildcard;
    private final String hostSuffix;
    private final boolean pathWildcard;
    private final String pathPrefix;

    private RoutePattern(String text, boolean hostWildcard, String hostSuffix, boolean pathWildcard, String pathPrefix) {
        this.text = text;
        this.hostWildcard = hostWildcard;
        this.hostSuffix = hostSuffix;
        this.pathWildcard = pathWildcard;
        this.pathPrefix = pathPrefix;
    }

    /** @throws IllegalArgumentException naming what is wrong with the pattern */
    public static RoutePattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("A route needs a pattern");
        }
        String rest = pattern.trim();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            rest = rest.substring(8);
        } else if (lower.startsWith("http://")) {
            rest = rest.substring(7);
        }
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        String path = slash < 0 ? "/" : rest.substring(slash);
        boolean hostWildcard = host.startsWith("*");
        String hostSuffix = hostWildcard ? host.substring(1) : host;
        String bareHost = hostSuffix.startsWith(".") ? hostSuffix.substring(1) : hostSuffix;
        if (bareHost.isEmpty() || !HOST.matcher(bareHost).matches()) {
            throw new IllegalArgumentException("Route pattern '" + pattern + "' needs a host name (letters, digits, '-', '.'), "
                    + "optionally starting with '*'; ports are not part of a route");
        }
        if (path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("Route pattern '" + pattern + "' may not contain a query string or fragment");
        }
        boolean pathWildcard = path.endsWith("*");
        String pathPrefix = pathWildcard ? path.substring(0, path.length() - 1) : path;
        if (pathPrefix.contains("*")) {
            throw new IllegalArgumentException("Route pattern '" + pattern
                    + "' may use '*' only at the start of the host and at the end of the path");
        }
        return new RoutePattern(pattern.trim(), hostWildcard, hostSuffix, pathWildcard, pathPrefix);
    }

    public String text() {
        return text;
    }

    /**
     * The zone a pattern is filed under: its host without the leading wildcard (what wrangler asks
     * {@code GET /zones?name=} for).
     */
    public String zoneName() {
        return hostSuffix.startsWith(".") ? hostSuffix.substring(1) : hostSuffix;
    }

    /** @param host lower-case host name without port; @param path the request path without query */
    public boolean matches(String host, String path) {
        boolean hostOk = hostWildcard ? host.endsWith(hostSuffix) : host.equals(hostSuffix);
        if (!hostOk) {
            return false;
        }
        return pathWildcard ? path.startsWith(pathPrefix) : path.equals(pathPrefix);
    }

    @Override
    public String toString() {
        return text;
    }
}
