package dev.outpost.r2.model;

/** An uploaded part of a multipart upload. */
public record PartInfo(int partNumber, String etag, long size, long lastModified) {
}
