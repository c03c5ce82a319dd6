package dev.outpost.runtime.glue;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headers cross the Java/V8 boundary as one string, {@code name NUL value NUL name NUL value}, instead of an
 * array of objects: one string conversion instead of one crossing per header. NUL cannot occur in a valid
 * header name or value (the prelude's Headers class rejects it).
 */
public final class WireHeaders {
    public static final char SEPARATOR = '\0';

    private WireHeaders() {
    }

    public static String encode(List<Map.Entry<String, String>> headers) {
        if (headers.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(headers.size() * 32);
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey() == null || h.getValue() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(h.getKey()).append(SEPARATOR).append(h.getValue());
        }
        return sb.toString();
    }

    public static List<Map.Entry<String, String>> decode(String wire) {
        if (wire == null || wire.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        int start = 0;
        int length = wire.length();
        while (start <= length) {
            int nameEnd = wire.indexOf(SEPARATOR, start);
            if (nameEnd < 0) {
                break;
            }
            int valueEnd = wire.indexOf(SEPARATOR, nameEnd + 1);
            if (valueEnd < 0) {
                valueEnd = length;
            }
            out.add(new AbstractMap.SimpleImmutableEntry<>(wire.substring(start, nameEnd), wire.substring(nameEnd + 1, valueEnd)));
            start = valueEnd + 1;
        }
        return List.copyOf(out);
    }

    /** Whether {@code headers} has a header {@code name} (case-insensitive). */
    public static boolean has(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
