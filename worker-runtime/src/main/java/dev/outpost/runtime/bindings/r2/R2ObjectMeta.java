package dev.outpost.runtime.bindings.r2;

import java.util.Map;

/**
 * An {@code R2Object} (R2-3).
 *
 * @param etag     unquoted
 * @param uploaded epoch milliseconds
 * @param http     never null
 * @param range    the range served by a ranged get, else null
 */
public record R2ObjectMeta(String key, String version, long size, String etag, long uploaded, R2HttpMetadata http,
                           Map<String, String> customMetadata, R2Checksums checksums, String storageClass,
                           R2Range range) {
    public R2ObjectMeta {
        http = http == null ? R2HttpMetadata.NONE : http;
        customMetadata = customMetadata == null ? Map.of() : customMetadata;
        checksums = checksums == null ? R2Checksums.NONE : checksums;
        storageClass = storageClass == null || storageClass.isEmpty() ? "Standard" : storageClass;
    }

    public R2ObjectMeta withRange(R2Range served) {
        return new R2ObjectMeta(key, version, size, etag, uploaded, http, customMetadata, checksums, storageClass, served);
    }
}
