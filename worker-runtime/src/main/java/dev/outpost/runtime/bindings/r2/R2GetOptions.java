package dev.outpost.runtime.bindings.r2;

/** Options of {@code get} (R2-4): both may be null. */
public record R2GetOptions(R2Range range, R2Conditional onlyIf) {
    public static final R2GetOptions NONE = new R2GetOptions(null, null);
}
