package dev.outpost.runtime.io;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether and for how long {@code cache.put()} keeps a response (checklist RT-6), following Cloudflare's Cache API
 * documentation: {@code Cache-Control} decides ({@code s-maxage} over {@code max-age}; {@code no-store},
 * {@code no-cache} and {@code private} keep nothing), then {@code Expires}, then the default edge TTL of the status.
 * Responses with {@code Set-Cookie} are not kept unless {@code Cache-Control: private=Set-Cookie}, which keeps the
 * response without that header.
 */
public final class CachePolicy {

    /** What put() stores: the headers to keep and the lifetime; {@code ttlSeconds <= 0} means "do not store". */
    public record Decision(long ttlSeconds, List<Map.Entry<String, String>> headers) {
        public boolean store() {
            return ttlSeconds > 0;
        }
    }

    private CachePolicy() {
    }

    public static Decision decide(int status, List<Map.Entry<String, String>> headers, long nowMillis) {
        Directives cc = Directives.parse(joined(headers, "cache-control"));
        List<Map.Entry<String, String>> kept = headers;
        if (has(headers, "set-cookie")) {
            if (!cc.privateFields.contains("set-cookie")) {
                return new Decision(0, headers);
            }
            kept = new ArrayList<>();
            for (Map.Entry<String, String> h : headers) {
                if (!h.getKey().equalsIgnoreCase("set-cookie")) {
                    kept.add(h);
                }
            }
        }
        if (cc.noStore || cc.noCache || cc.privateAll) {
            return new Decision(0, kept);
        }
        // A response that was already Age seconds old when put has that much less of its lifetime left.
        if (cc.sMaxAge >= 0) {
            return new Decision(cc.sMaxAge - initialAge(headers), kept);
        }
        if (cc.maxAge >= 0) {
            return new Decision(cc.maxAge - initialAge(headers), kept);
        }
        String expires = first(headers, "expires");
        if (expires != null) {
            long at = httpDate(expires);
            // An unparsable Expires (e.g. "0") means "already expired" (RFC 9111 5.3).
            return new Decision(at < 0 ? 0 : Math.floorDiv(at - nowMillis, 1000L), kept);
        }
        return new Decision(defaultTtl(status), kept);
    }

    /** The response's own {@code Age} in seconds (0 when absent or not a number). */
    static long initialAge(List<Map.Entry<String, String>> headers) {
        String age = first(headers, "age");
        if (age == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(age.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Cloudflare's default edge TTL by status when nothing in the response says otherwise. */
    static long defaultTtl(int status) {
        return switch (status) {
            case 200, 206, 301 -> 7200;
            case 302, 303 -> 1200;
            case 404, 410 -> 180;
            default -> 0;
        };
    }

    /** Milliseconds since the epoch of an HTTP date (RFC 1123), or -1. */
    public static long httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static boolean has(List<Map.Entry<String, String>> headers, String name) {
        return first(headers, name) != null;
    }

    static String first(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    static String joined(List<Map.Entry<String, String>> headers, String name) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(h.getValue());
            }
        }
        return sb.toString();
    }

    /** The Cache-Control directives put() looks at. */
    private static final class Directives {
        long maxAge = -1;
        long sMaxAge = -1;
        boolean noStore;
        boolean noCache;
        boolean privateAll;
        final List<String> privateFields = new ArrayList<>();

        static Directives parse(String header) {
            Directives d = new Directives();
            for (String part : splitDirectives(header)) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                String name = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? null : unquote(p.substring(eq + 1).trim());
                switch (name) {
                    case "max-age" -> d.maxAge = seconds(value, d.maxAge);
                    case "s-maxage" -> d.sMaxAge = seconds(value, d.sMaxAge);
                    case "no-store" -> d.noStore = true;
                    case "no-cache" -> {
                        // no-cache="field" only keeps those fields from being reused; the response itself may be.
                        if (value == null) {
                            d.noCache = true;
                        }
                    }
                    case "private" -> {
                        if (value == null) {
                            d.privateAll = true;
                        } else {
                            for (String field : value.split(",")) {
                                d.privateFields.add(field.trim().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            return d;
        }

        /** Splits on commas outside quotes, so {@code private="a, b"} stays one directive. */
        private static List<String> splitDirectives(String header) {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                }
                if (c == ',' && !quoted) {
                    out.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            out.add(current.toString());
            return out;
        }

        private static String unquote(String v) {
            return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }

        private static long seconds(String value, long fallback) {
            if (value == null) {
                return fallback;
            }
            try {
                return Math.max(0, Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
