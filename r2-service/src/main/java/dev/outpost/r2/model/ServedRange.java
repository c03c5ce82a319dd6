package dev.outpost.r2.model;

/** The byte range actually served by a ranged get: offset and length within the object. */
public record ServedRange(long offset, long length) {
}
