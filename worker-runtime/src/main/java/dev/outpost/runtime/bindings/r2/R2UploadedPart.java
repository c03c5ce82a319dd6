package dev.outpost.runtime.bindings.r2;

/** A stored part of a multipart upload (R2-8). */
public record R2UploadedPart(int partNumber, String etag) {
}
