package dev.outpost.runtime.bindings;

/**
 * One key of a list page.
 *
 * @param name         the key
 * @param expiration   epoch seconds, 0 when none
 * @param metadataJson metadata as JSON text, null when none
 */
public record KvKey(String name, long expiration, String metadataJson) {
}
