package dev.outpost.r2.s3;

import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.model.Checksums;
import dev.outpost.r2.model.HttpMetadata;
import dev.outpost.r2.model.ObjectInfo;
import dev.outpost.r2.storage.MetadataCodec;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** S3 request headers to R2 metadata, and R2 objects to S3 response headers. */
final class S3Headers {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Pattern TOKEN = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");

    private S3Headers() {
    }

    static HttpMetadata httpMetadata(MultiMap h) {
        String encoding = h.get("Content-Encoding");
        if (encoding != null) {
            // aws-chunked describes the transfer, not the object (S3 strips it too)
            StringBuilder kept = new StringBuilder();
            for (String part : encoding.split(",")) {
                String p = part.trim();
                if (!p.isEmpty() && !p.equalsIgnoreCase("aws-chunked")) {
                    if (kept.length() > 0) {
                        kept.append(", ");
                    }
                    kept.append(p);
                }
            }
            encoding = kept.length() == 0 ? null : kept.toString();
        }
        Long expires = null;
        String exp = h.get("Expires");
        if (exp != null) {
            expires = httpDate(exp);
        }
        return new HttpMetadata(h.get("Content-Type"), h.get("Content-Language"), h.get("Content-Disposition"),
                encoding, h.get("Cache-Control"), expires);
    }

    static Map<String, String> customMetadata(MultiMap h) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : h.entries()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(MetadataCodec.META)) {
                String key = name.substring(MetadataCodec.META.length());
                out.merge(key, decodeRfc2047(e.getValue()), (a, b) -> a + "," + b);
            }
        }
        return out;
    }

    /**
     * Content-MD5 as R2's expected digest; without one, an {@code x-amz-checksum-sha256} (else {@code -sha1}) too,
     * so that it is stored with the object and answered on GET/HEAD with {@code x-amz-checksum-mode: ENABLED}.
     * (All flexible x-amz-checksum-* headers are also checked by the exchange while the body streams.)
     */
    static Checksums expected(MultiMap h) {
        byte[] md5 = base64Header(h, "Content-MD5", 16);
        if (md5 != null) {
            return new Checksums(md5, null, null, null, null);
        }
        byte[] sha256 = base64Header(h, "x-amz-checksum-sha256", 32);
        if (sha256 != null) {
            return new Checksums(null, null, sha256, null, null);
        }
        byte[] sha1 = base64Header(h, "x-amz-checksum-sha1", 20);
        return sha1 == null ? null : new Checksums(null, sha1, null, null, null);
    }

    /** The flexible checksums S3 can answer for a whole object (SHA-1/SHA-256 given at upload are stored). */
    static void writeChecksums(HttpServerResponse r, ObjectInfo o) {
        Checksums c = o.checksums();
        if (c == null) {
            return;
        }
        if (c.sha256() != null) {
            r.putHeader("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(c.sha256()));
        }
        if (c.sha1() != null) {
            r.putHeader("x-amz-checksum-sha1", Base64.getEncoder().encodeToString(c.sha1()));
        }
    }

    private static byte[] base64Header(MultiMap h, String name, int size) {
        String v = h.get(name);
        if (v == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(v.trim());
            if (bytes.length != size) {
                throw new IllegalArgumentException();
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw R2Error.INVALID_DIGEST.exception("The " + name + " you specified is not valid.");
        }
    }

    static Long httpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), HTTP_DATE).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String httpDate(long epochMillis) {
        return HTTP_DATE.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC));
    }

    /** The headers GET and HEAD answer with. {@code overrides}: response-* query parameters of presigned GETs. */
    static void write(HttpServerResponse r, ObjectInfo o, Map<String, String> overrides) {
        r.putHeader("ETag", o.httpEtag());
        r.putHeader("Last-Modified", httpDate(o.uploaded()));
        r.putHeader("Accept-Ranges", "bytes");
        HttpMetadata m = o.httpMetadata();
        put(r, "Content-Type", overrides.getOrDefault("response-content-type",
                m.contentType() == null ? "application/octet-stream" : m.contentType()));
        put(r, "Content-Language", overrides.getOrDefault("response-content-language", m.contentLanguage()));
        put(r, "Content-Disposition", overrides.getOrDefault("response-content-disposition", m.contentDisposition()));
        put(r, "Content-Encoding", overrides.getOrDefault("response-content-encoding", m.contentEncoding()));
        put(r, "Cache-Control", overrides.getOrDefault("response-cache-control", m.cacheControl()));
        String expires = overrides.get("response-expires");
        if (expires != null) {
            r.putHeader("Expires", expires);
        } else if (m.cacheExpiry() != null) {
            r.putHeader("Expires", httpDate(m.cacheExpiry()));
        }
        if ("InfrequentAccess".equals(o.storageClass())) {
            r.putHeader("x-amz-storage-class", "STANDARD_IA");
        }
        int missing = 0;
        for (Map.Entry<String, String> e : o.customMetadata().entrySet()) {
            if (!TOKEN.matcher(e.getKey()).matches()) {
                missing++;
                continue;
            }
            r.putHeader(MetadataCodec.META + e.getKey(), encodeRfc2047(e.getValue()));
        }
        if (missing > 0) {
            r.putHeader("x-amz-missing-meta", Integer.toString(missing));
        }
    }

    private static void put(HttpServerResponse r, String name, String value) {
        if (value != null && !value.isEmpty()) {
            r.putHeader(name, encodeRfc2047(value));
        }
    }

    /** Header values must be ASCII: anything else travels RFC 2047-encoded, as R2 does. */
    static String encodeRfc2047(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
            }
        }
        return value;
    }

    static String decodeRfc2047(String value) {
        String v = value.trim();
        if (v.startsWith("=?UTF-8?B?") && v.endsWith("?=")) {
            try {
                return new String(Base64.getDecoder().decode(v.substring(10, v.length() - 2)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        return value;
    }

    /** x-amz-storage-class to R2's storage class. */
    static String storageClass(String header) {
        if (header == null || header.isEmpty() || header.equals("STANDARD")) {
            return "Standard";
        }
        if (header.equals("STANDARD_IA")) {
            return "InfrequentAccess";
        }
        throw R2Error.INVALID_ARGUMENT.exception("The storage class you specified is not valid.");
    }
}
