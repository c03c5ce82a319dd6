package dev.outpost.runtime.bindings.r2;

/** R2-4 range: {offset, length} | {offset} | {length} | {suffix}; absent parts are null. */
public record R2Range(Long offset, Long length, Long suffix) {
}
