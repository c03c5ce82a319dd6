package dev.outpost.kv.model;

/** A stored value with its metadata (JSON text, "" when none) and expiration (epoch seconds, 0 = none). */
public record KvValue(byte[] value, String metadataJson, long expiration) {
}
