package dev.outpost.kv.model;

import java.util.List;

/** Outcome of a bulk write or delete (KV-10). */
public record BulkResult(int successfulKeyCount, List<String> unsuccessfulKeys) {
}
