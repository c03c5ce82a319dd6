package dev.outpost.r2.model;

/**
 * R2-7 list options. {@code cursor} is an opaque cursor from an earlier page; {@code startAfter}
 * an exclusive key. {@code limit} 1..1000.
 */
public record ListQuery(String prefix, String delimiter, String cursor, String startAfter, int limit,
        boolean includeHttpMetadata, boolean includeCustomMetadata) {
}
