package dev.outpost.r2.storage;

/**
 * Maps an R2 object key (taken literally: any UTF-8 text up to 1,024 bytes) to the key stored in the
 * backend, and back.
 *
 * <p>Why a codec at all: the MinIO client puts the key into the request path, and its HTTP library
 * (OkHttp) resolves "." and ".." path segments and folds empty ones, so a key like
 * {@code ../other-bucket/x} would address another backend bucket. MinIO itself also refuses such
 * segments. So every path segment (the text between '/') that is empty, ".", ".." (after trimming
 * blanks, as MinIO does) or already starts with the escape character '~' is stored with one '~'
 * in front. Decoding strips one leading '~' from each segment that has one.
 *
 * <p>What this keeps: ordinary keys are stored unchanged (1,024-byte keys stay 1,024 bytes, an
 * operator browsing the backend sees the real names), '/' stays the segment separator (so the
 * backend's own '/' delimiter listing still groups correctly), and the byte order of keys is
 * preserved except among keys with escaped segments.
 */
public final class KeyCodec {

    static final char ESCAPE = '~';

    private KeyCodec() {
    }

    public static String encode(String key) {
        if (!needsWork(key)) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length() + 4);
        int start = 0;
        while (true) {
            int slash = key.indexOf('/', start);
            String segment = slash < 0 ? key.substring(start) : key.substring(start, slash);
            if (mustEscape(segment)) {
                out.append(ESCAPE);
            }
            out.append(segment);
            if (slash < 0) {
                return out.toString();
            }
            out.append('/');
            start = slash + 1;
        }
    }

    public static String decode(String stored) {
        if (stored.indexOf(ESCAPE) < 0) {
            return stored;
        }
        StringBuilder out = new StringBuilder(stored.length());
        int start = 0;
        while (true) {
            int slash = stored.indexOf('/', start);
            String segment = slash < 0 ? stored.substring(start) : stored.substring(start, slash);
            out.append(!segment.isEmpty() && segment.charAt(0) == ESCAPE ? segment.substring(1) : segment);
            if (slash < 0) {
                return out.toString();
            }
            out.append('/');
            start = slash + 1;
        }
    }

    /**
     * The longest backend prefix that every encoded key starting with {@code prefix} shares. When the
     * last (partial) segment of the prefix could still become an escaped segment, it is left out;
     * callers filter decoded keys by the real prefix anyway.
     */
    public static String encodePrefix(String prefix) {
        if (prefix.isEmpty()) {
            return "";
        }
        int lastSlash = prefix.lastIndexOf('/');
        String complete = lastSlash < 0 ? "" : prefix.substring(0, lastSlash + 1);
        String partial = prefix.substring(lastSlash + 1);
        // complete segments end with '/', encode them as a key ending in an empty segment, then drop the escape
        String encodedComplete = complete.isEmpty() ? "" : encode(complete.substring(0, complete.length() - 1)) + "/";
        if (partial.isEmpty()) {
            return encodedComplete;
        }
        if (partial.charAt(0) == ESCAPE) {
            return encodedComplete + ESCAPE + partial;
        }
        String stripped = partial.strip();
        if (stripped.isEmpty() || stripped.equals(".") || stripped.equals("..")) {
            return encodedComplete;
        }
        return encodedComplete + partial;
    }

    private static boolean needsWork(String key) {
        if (key.isEmpty() || key.indexOf(ESCAPE) >= 0 || key.indexOf('.') >= 0 || key.indexOf("//") >= 0
                || key.charAt(0) == '/' || key.charAt(key.length() - 1) == '/') {
            return true;
        }
        // a blank-only segment trims to "" which MinIO accepts; only dot segments and empties matter
        return false;
    }

    private static boolean mustEscape(String segment) {
        if (segment.isEmpty() || segment.charAt(0) == ESCAPE) {
            return true;
        }
        String stripped = segment.strip();
        return stripped.equals(".") || stripped.equals("..");
    }
}
