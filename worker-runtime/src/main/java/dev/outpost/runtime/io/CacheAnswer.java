package dev.outpost.runtime.io;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code cache.match()} returns for a stored response (checklist RT-6): the response marked
 * {@code cf-cache-status: HIT} with its {@code Age}, or 304 when the request's {@code If-None-Match} / {@code If-Modified-Since}
 * validates against the stored {@code ETag} / {@code Last-Modified}, or 206 (416 when unsatisfiable) for a
 * single {@code Range} on a stored 200, as Cloudflare's cache answers them.
 */
public record CacheAnswer(int status, String statusText, List<Map.Entry<String, String>> headers, byte[] body) {

    public static CacheAnswer of(ResponseCache.Entry entry, List<Map.Entry<String, String>> requestHeaders,
                                 long nowMillis) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> h : entry.headers()) {
            if (!h.getKey().equalsIgnoreCase("cf-cache-status") && !h.getKey().equalsIgnoreCase("age")) {
                headers.add(h);
            }
        }
        headers.add(header("cf-cache-status", "HIT"));
        // RFC 9111 5.1, as Cloudflare's cache (and miniflare's) answers a hit: the seconds the response has been
        // cached, on top of the age it already had when it was put.
        long age = CachePolicy.initialAge(entry.headers()) + Math.max(0, nowMillis - entry.storedAtMillis()) / 1000;
        headers.add(header("age", Long.toString(age)));
        if (notModified(entry.headers(), requestHeaders)) {
            return new CacheAnswer(304, "Not Modified", headers, new byte[0]);
        }
        String range = CachePolicy.first(requestHeaders, "range");
        if (range != null && entry.status() == 200) {
            CacheAnswer partial = range(entry, headers, range);
            if (partial != null) {
                return partial;
            }
        }
        return new CacheAnswer(entry.status(), entry.statusText(), headers, entry.body());
    }

    private static boolean notModified(List<Map.Entry<String, String>> stored, List<Map.Entry<String, String>> request) {
        String ifNoneMatch = CachePolicy.first(request, "if-none-match");
        if (ifNoneMatch != null) {
            // RFC 9110 13.1.2: If-None-Match wins over If-Modified-Since and uses the weak comparison.
            String etag = CachePolicy.first(stored, "etag");
            if (ifNoneMatch.trim().equals("*")) {
                return true;
            }
            if (etag == null) {
                return false;
            }
            String wanted = opaque(etag);
            for (String candidate : ifNoneMatch.split(",")) {
                if (opaque(candidate).equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = CachePolicy.first(request, "if-modified-since");
        String lastModified = CachePolicy.first(stored, "last-modified");
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        long since = CachePolicy.httpDate(ifModifiedSince);
        long modified = CachePolicy.httpDate(lastModified);
        return since >= 0 && modified >= 0 && modified <= since;
    }

    private static String opaque(String tag) {
        String t = tag.trim();
        return t.startsWith("W/") ? t.substring(2) : t;
    }

    /** A 206 for one satisfiable byte range, a 416 for an unsatisfiable one, null to ignore the header. */
    private static CacheAnswer range(ResponseCache.Entry entry, List<Map.Entry<String, String>> headers, String range) {
        String spec = range.trim().toLowerCase(Locale.ROOT);
        if (!spec.startsWith("bytes=") || spec.indexOf(',') >= 0) {
            // Multi-range answers (multipart/byteranges) are not produced; the full response is a valid answer.
            return null;
        }
        int length = entry.body().length;
        String bounds = spec.substring(6).trim();
        int dash = bounds.indexOf('-');
        if (dash < 0) {
            return null;
        }
        long start;
        long end;
        try {
            String first = bounds.substring(0, dash).trim();
            String last = bounds.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    return unsatisfiable(headers, length);
                }
                start = Math.max(0, length - suffix);
                end = length - 1L;
            } else {
                start = Long.parseLong(first);
                end = last.isEmpty() ? length - 1L : Math.min(Long.parseLong(last), length - 1L);
                if (end < start && !last.isEmpty() && Long.parseLong(last) < start) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (start >= length || end < start) {
            return unsatisfiable(headers, length);
        }
        List<Map.Entry<String, String>> out = without(headers, "content-length");
        out.add(header("content-range", "bytes " + start + "-" + end + "/" + length));
        return new CacheAnswer(206, "Partial Content", out,
                Arrays.copyOfRange(entry.body(), (int) start, (int) end + 1));
    }

    private static CacheAnswer unsatisfiable(List<Map.Entry<String, String>> headers, int length) {
        List<Map.Entry<String, String>> out = without(headers, "content-length");
        out.add(header("content-range", "bytes */" + length));
        return new CacheAnswer(416, "Range Not Satisfiable", out, new byte[0]);
    }

    private static List<Map.Entry<String, String>> without(List<Map.Entry<String, String>> headers, String name) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equalsIgnoreCase(name)) {
                out.add(h);
            }
        }
        return out;
    }

    private static Map.Entry<String, String> header(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }
}
