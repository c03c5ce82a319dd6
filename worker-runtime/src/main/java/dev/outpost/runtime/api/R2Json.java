package dev.outpost.runtime.api;

import dev.outpost.runtime.bindings.r2.R2Checksums;
import dev.outpost.runtime.bindings.r2.R2HttpMetadata;
import dev.outpost.runtime.bindings.r2.R2ListPage;
import dev.outpost.runtime.bindings.r2.R2ObjectMeta;
import dev.outpost.runtime.bindings.r2.R2Range;
import dev.outpost.runtime.bindings.r2.R2UploadedPart;
import dev.outpost.runtime.glue.JsonText;

import java.util.HexFormat;
import java.util.Map;

/**
 * R2 results as the JSON text r2.js parses (one crossing, one JSON.parse): objects with their checksums as hex,
 * dates as epoch milliseconds; r2.js builds the R2Object instances from it.
 */
final class R2Json {
    private static final HexFormat HEX = HexFormat.of();

    private R2Json() {
    }

    static String objectOrNull(R2ObjectMeta o) {
        return o == null ? "null" : object(o);
    }

    static String object(R2ObjectMeta o) {
        StringBuilder sb = new StringBuilder(256);
        appendObject(sb, o);
        return sb.toString();
    }

    static String page(R2ListPage page) {
        StringBuilder sb = new StringBuilder(64 + page.objects().size() * 256).append("{\"objects\":[");
        for (int i = 0; i < page.objects().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendObject(sb, page.objects().get(i));
        }
        sb.append("],\"delimitedPrefixes\":[");
        for (int i = 0; i < page.delimitedPrefixes().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            JsonText.quote(sb, page.delimitedPrefixes().get(i));
        }
        sb.append("],\"truncated\":").append(page.truncated());
        if (page.truncated() && page.cursor() != null) {
            sb.append(",\"cursor\":");
            JsonText.quote(sb, page.cursor());
        }
        return sb.append('}').toString();
    }

    static String part(R2UploadedPart p) {
        StringBuilder sb = new StringBuilder("{\"partNumber\":").append(p.partNumber()).append(",\"etag\":");
        JsonText.quote(sb, p.etag());
        return sb.append('}').toString();
    }

    private static void appendObject(StringBuilder sb, R2ObjectMeta o) {
        sb.append("{\"key\":");
        JsonText.quote(sb, o.key());
        sb.append(",\"version\":");
        JsonText.quote(sb, o.version() == null ? "" : o.version());
        sb.append(",\"size\":").append(o.size());
        sb.append(",\"etag\":");
        JsonText.quote(sb, o.etag() == null ? "" : o.etag());
        sb.append(",\"uploaded\":").append(o.uploaded());
        sb.append(",\"storageClass\":");
        JsonText.quote(sb, o.storageClass());
        sb.append(",\"httpMetadata\":");
        appendHttp(sb, o.http());
        sb.append(",\"customMetadata\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : o.customMetadata().entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            JsonText.quote(sb, e.getKey());
            sb.append(':');
            JsonText.quote(sb, e.getValue());
        }
        sb.append("},\"checksums\":");
        appendChecksums(sb, o.checksums());
        if (o.range() != null) {
            sb.append(",\"range\":");
            appendRange(sb, o.range());
        }
        sb.append('}');
    }

    private static void appendHttp(StringBuilder sb, R2HttpMetadata h) {
        sb.append('{');
        int n = 0;
        n = field(sb, n, "contentType", h.contentType());
        n = field(sb, n, "contentLanguage", h.contentLanguage());
        n = field(sb, n, "contentDisposition", h.contentDisposition());
        n = field(sb, n, "contentEncoding", h.contentEncoding());
        n = field(sb, n, "cacheControl", h.cacheControl());
        if (h.cacheExpiry() != null) {
            sb.append(n > 0 ? "," : "").append("\"cacheExpiry\":").append(h.cacheExpiry());
        }
        sb.append('}');
    }

    private static void appendChecksums(StringBuilder sb, R2Checksums c) {
        sb.append('{');
        int n = 0;
        n = field(sb, n, "md5", hex(c.md5()));
        n = field(sb, n, "sha1", hex(c.sha1()));
        n = field(sb, n, "sha256", hex(c.sha256()));
        n = field(sb, n, "sha384", hex(c.sha384()));
        field(sb, n, "sha512", hex(c.sha512()));
        sb.append('}');
    }

    private static void appendRange(StringBuilder sb, R2Range r) {
        sb.append('{');
        int n = 0;
        if (r.offset() != null) {
            sb.append("\"offset\":").append(r.offset());
            n++;
        }
        if (r.length() != null) {
            sb.append(n++ > 0 ? "," : "").append("\"length\":").append(r.length());
        }
        if (r.suffix() != null) {
            sb.append(n > 0 ? "," : "").append("\"suffix\":").append(r.suffix());
        }
        sb.append('}');
    }

    private static String hex(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? null : HEX.formatHex(bytes);
    }

    private static int field(StringBuilder sb, int n, String name, String value) {
        if (value == null) {
            return n;
        }
        if (n > 0) {
            sb.append(',');
        }
        sb.append('"').append(name).append("\":");
        JsonText.quote(sb, value);
        return n + 1;
    }
}
