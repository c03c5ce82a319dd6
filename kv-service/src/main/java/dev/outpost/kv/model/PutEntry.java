package dev.outpost.kv.model;

/**
 * A write as the caller asked for it (KV-5): {@code expiration} absolute epoch seconds and
 * {@code expirationTtl} seconds from now, 0 meaning "not given"; the TTL wins when both are given.
 */
public record PutEntry(String key, byte[] value, long expiration, long expirationTtl, String metadataJson) {
}
