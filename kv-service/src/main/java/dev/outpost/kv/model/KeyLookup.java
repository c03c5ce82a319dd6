package dev.outpost.kv.model;

/** One key of a bulk get; {@code value} is null when the key is missing or expired. */
public record KeyLookup(String key, KvValue value) {

    public boolean found() {
        return value != null;
    }
}
