package dev.outpost.r2.model;

/** An Outpost bucket as recorded in the catalog. */
public record BucketInfo(String name, long creationDate, String location, String storageClass,
        String jurisdiction) {
}
