package dev.outpost.r2.storage;

import dev.outpost.r2.model.Checksums;
import dev.outpost.r2.model.HttpMetadata;
import dev.outpost.r2.model.ObjectInfo;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How R2 metadata is kept on an S3 object.
 *
 * <ul>
 * <li>httpMetadata: the S3-native headers (Content-Type, Content-Language, Content-Disposition,
 * Content-Encoding, Cache-Control, Expires), so S3 clients see them as usual.</li>
 * <li>customMetadata: one {@code x-amz-meta-<name>} per entry when the name is a lowercase token and
 * the value printable ASCII (what S3 clients write and read); entries HTTP headers cannot carry
 * faithfully (upper case or unicode names, unicode or blank-edged values) go URL-encoded into
 * {@code x-amz-meta-outpost-cm}. Names starting with "outpost-" are reserved and always go there.</li>
 * <li>R2-only fields: {@code x-amz-meta-outpost-v} (version, unique per upload),
 * {@code x-amz-meta-outpost-sums} (sha1/sha256/sha384/sha512 given at upload, hex),
 * {@code x-amz-meta-outpost-sc} (storage class when not Standard).</li>
 * </ul>
 * MD5 is not stored: for single-part objects it is the backend's ETag.
 */
public final class MetadataCodec {

    public static final String META = "x-amz-meta-";
    static final String RESERVED = "outpost-";
    static final String VERSION = RESERVED + "v";
    static final String SUMS = RESERVED + "sums";
    static final String STORAGE_CLASS = RESERVED + "sc";
    static final String CUSTOM = RESERVED + "cm";
    /**
     * A form content type (application/x-www-form-urlencoded, what curl -d and urllib send by default) travels in
     * here instead of Content-Type: S3Proxy's Jetty reads such PUT bodies as form parameters and fails the upload.
     */
    static final String FORM_CONTENT_TYPE = RESERVED + "ct";

    private static final Pattern PLAIN_NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]*$");
    public static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private MetadataCodec() {
    }

    /** Headers (name → value) that store the given metadata on a new object or multipart upload. */
    public static Map<String, String> toHeaders(HttpMetadata http, Map<String, String> custom, String version,
            Checksums sums, String storageClass) {
        Map<String, String> h = new LinkedHashMap<>();
        if (http != null) {
            String type = http.contentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                h.put(META + FORM_CONTENT_TYPE, type);
            } else {
                put(h, "Content-Type", type);
            }
            put(h, "Content-Language", http.contentLanguage());
            put(h, "Content-Disposition", http.contentDisposition());
            put(h, "Content-Encoding", http.contentEncoding());
            put(h, "Cache-Control", http.cacheControl());
            if (http.cacheExpiry() != null) {
                h.put("Expires", HTTP_DATE.format(Instant.ofEpochMilli(http.cacheExpiry()).atZone(ZoneOffset.UTC)));
            }
        }
        StringBuilder packed = new StringBuilder();
        if (custom != null) {
            for (Map.Entry<String, String> e : new TreeMap<>(custom).entrySet()) {
                if (isPlain(e.getKey(), e.getValue())) {
                    h.put(META + e.getKey(), e.getValue());
                } else {
                    if (packed.length() > 0) {
                        packed.append('&');
                    }
                    packed.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                }
            }
        }
        if (packed.length() > 0) {
            h.put(META + CUSTOM, packed.toString());
        }
        if (version != null) {
            h.put(META + VERSION, version);
        }
        if (sums != null) {
            String s = encodeSums(sums);
            if (!s.isEmpty()) {
                h.put(META + SUMS, s);
            }
        }
        if (storageClass != null && !storageClass.isEmpty() && !storageClass.equals("Standard")) {
            h.put(META + STORAGE_CLASS, storageClass);
        }
        return h;
    }

    /**
     * Reads an object's metadata back from response headers.
     *
     * @param header   header lookup by (case-insensitive) name
     * @param metaHeaders all {@code x-amz-meta-*} headers, names lower-case with the prefix removed
     */
    public static ObjectInfo fromHeaders(String key, long size, String etag, long lastModified,
            Function<String, String> header, Map<String, String> metaHeaders) {
        Long expiry = null;
        String expires = header.apply("Expires");
        if (expires != null && !expires.isBlank()) {
            try {
                expiry = ZonedDateTime.parse(expires.trim(), HTTP_DATE).toInstant().toEpochMilli();
            } catch (RuntimeException ignored) {
                // not a date: S3 keeps Expires as free text, R2 only knows dates
            }
        }
        String formType = metaHeaders.get(FORM_CONTENT_TYPE);
        HttpMetadata http = new HttpMetadata(formType != null ? formType : header.apply("Content-Type"),
                header.apply("Content-Language"),
                header.apply("Content-Disposition"), header.apply("Content-Encoding"), header.apply("Cache-Control"),
                expiry);
        Map<String, String> custom = new TreeMap<>();
        String version = null;
        Checksums sums = Checksums.NONE;
        String storageClass = "Standard";
        for (Map.Entry<String, String> e : metaHeaders.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            switch (name) {
                case VERSION -> version = e.getValue();
                case SUMS -> sums = decodeSums(e.getValue());
                case STORAGE_CLASS -> storageClass = e.getValue();
                case CUSTOM -> unpack(e.getValue(), custom);
                default -> {
                    if (!name.startsWith(RESERVED)) {
                        custom.put(name, e.getValue());
                    }
                }
            }
        }
        String plainEtag = unquote(etag);
        if (plainEtag.matches("^[0-9a-fA-F]{32}$")) {
            sums = sums.withMd5(HexFormat.of().parseHex(plainEtag));
        }
        return new ObjectInfo(key, version, size, plainEtag, truncateToSeconds(lastModified), http, custom, sums,
                storageClass);
    }

    public static long truncateToSeconds(long millis) {
        return Math.floorDiv(millis, 1000L) * 1000L;
    }

    public static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        String e = etag.trim();
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            return e.substring(1, e.length() - 1);
        }
        return e;
    }

    /** UTF-8 bytes of names and values, the R2-9 metadata size. */
    public static int customMetadataBytes(Map<String, String> custom) {
        int total = 0;
        for (Map.Entry<String, String> e : custom.entrySet()) {
            total += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return total;
    }

    static boolean isPlain(String name, String value) {
        if (!PLAIN_NAME.matcher(name).matches() || name.startsWith(RESERVED) || value.isEmpty()) {
            return false;
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static void unpack(String packed, Map<String, String> into) {
        for (String pair : packed.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException ignored) {
                // damaged entry written by someone else: skip it rather than fail the read
            }
        }
    }

    private static String encodeSums(Checksums sums) {
        StringBuilder s = new StringBuilder();
        append(s, "sha1", sums.sha1());
        append(s, "sha256", sums.sha256());
        append(s, "sha384", sums.sha384());
        append(s, "sha512", sums.sha512());
        return s.toString();
    }

    private static void append(StringBuilder s, String name, byte[] value) {
        if (value != null) {
            if (s.length() > 0) {
                s.append(';');
            }
            s.append(name).append('=').append(HexFormat.of().formatHex(value));
        }
    }

    private static Checksums decodeSums(String text) {
        byte[] sha1 = null;
        byte[] sha256 = null;
        byte[] sha384 = null;
        byte[] sha512 = null;
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            byte[] value;
            try {
                value = HexFormat.of().parseHex(part.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                continue;
            }
            switch (part.substring(0, eq).trim()) {
                case "sha1" -> sha1 = value;
                case "sha256" -> sha256 = value;
                case "sha384" -> sha384 = value;
                case "sha512" -> sha512 = value;
                default -> {
                }
            }
        }
        return new Checksums(null, sha1, sha256, sha384, sha512);
    }

    private static void put(Map<String, String> h, String name, String value) {
        if (value != null && !value.isEmpty()) {
            h.put(name, value);
        }
    }
}
