package dev.outpost.r2.service;

import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.model.Checksums;
import dev.outpost.r2.model.HttpMetadata;
import java.util.Map;

/**
 * R2-6 put. {@code returnObject}: fetch the stored object's full metadata afterwards (the binding
 * needs uploaded time and all; the S3 API only the ETag).
 */
public record PutCommand(BucketRef bucket, String key, HttpMetadata httpMetadata, Map<String, String> customMetadata,
        R2Conditional onlyIf, Checksums expected, String storageClass, boolean returnObject) {
}
