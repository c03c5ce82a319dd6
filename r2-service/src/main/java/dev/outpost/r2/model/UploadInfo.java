package dev.outpost.r2.model;

/** A multipart upload in progress. */
public record UploadInfo(String key, String uploadId, long initiated) {
}
