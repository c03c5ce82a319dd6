package dev.outpost.kv.model;

/** A listed key: name, expiration (epoch seconds, 0 = none) and metadata JSON ("" when none). */
public record KeyInfo(String name, long expiration, String metadataJson) {
}
