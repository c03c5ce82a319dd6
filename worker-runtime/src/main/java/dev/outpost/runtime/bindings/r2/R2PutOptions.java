package dev.outpost.runtime.bindings.r2;

import java.util.Map;

/** Options of {@code put} (R2-6). {@code expected} holds at most one digest (mismatch → BadDigest). */
public record R2PutOptions(R2HttpMetadata httpMetadata, Map<String, String> customMetadata, R2Conditional onlyIf,
                           R2Checksums expected, String storageClass) {
    public static final R2PutOptions NONE = new R2PutOptions(R2HttpMetadata.NONE, Map.of(), null, R2Checksums.NONE, null);

    public R2PutOptions {
        httpMetadata = httpMetadata == null ? R2HttpMetadata.NONE : httpMetadata;
        customMetadata = customMetadata == null ? Map.of() : customMetadata;
        expected = expected == null ? R2Checksums.NONE : expected;
    }
}
