package dev.outpost.r2.rest;

/** POST /r2/buckets body. */
public record CreateBucketBody(String name, String locationHint, String storageClass) {
}
