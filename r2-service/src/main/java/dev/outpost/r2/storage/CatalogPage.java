package dev.outpost.r2.storage;

import dev.outpost.r2.model.BucketInfo;
import java.util.List;

/** A page of an account's buckets from the catalog. */
public record CatalogPage(List<BucketInfo> buckets, boolean truncated) {
}
