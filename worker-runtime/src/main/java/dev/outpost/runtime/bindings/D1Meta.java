package dev.outpost.runtime.bindings;

/**
 * The {@code meta} of a D1 result (checklist D1-8). {@code duration} is milliseconds of SQL time;
 * {@code servedByRegion} may be null.
 */
public record D1Meta(double duration, long changes, long lastRowId, boolean changedDb, long sizeAfter,
                     long rowsRead, long rowsWritten, String servedBy, boolean servedByPrimary,
                     String servedByRegion) {
}
