package dev.outpost.runtime.bindings.r2;

/** Options of {@code list} (R2-7); strings may be null. {@code limit} 1..1000. */
public record R2ListOptions(String prefix, String delimiter, String cursor, String startAfter, int limit,
                            boolean includeHttpMetadata, boolean includeCustomMetadata) {
}
