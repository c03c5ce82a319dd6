package dev.outpost.runtime.bindings;

/**
 * A stored KV value.
 *
 * @param value        the value bytes
 * @param metadataJson the metadata as JSON text, null when none
 * @param expiration   expiration in epoch seconds, 0 when none
 */
public record KvEntry(byte[] value, String metadataJson, long expiration) {
}
