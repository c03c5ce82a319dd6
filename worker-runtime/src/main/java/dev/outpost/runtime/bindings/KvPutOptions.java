package dev.outpost.runtime.bindings;

/**
 * Options of {@code put} (checklist KV-5).
 *
 * @param expiration    absolute expiration in epoch seconds, 0 when not given
 * @param expirationTtl seconds from now, 0 when not given (wins over {@code expiration})
 * @param metadataJson  metadata as JSON text, null when not given
 */
public record KvPutOptions(long expiration, long expirationTtl, String metadataJson) {
    public static final KvPutOptions NONE = new KvPutOptions(0, 0, null);
}
