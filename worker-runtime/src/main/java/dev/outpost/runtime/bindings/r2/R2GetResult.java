package dev.outpost.runtime.bindings.r2;

/**
 * A found object of {@code get}: its metadata (with {@code range} set to what is served) and its body, or a null body
 * when {@code onlyIf} failed (R2-2).
 */
public record R2GetResult(R2ObjectMeta object, R2ChunkSource body) {
}
