package dev.outpost.d1.model;

/** D1-5: statements executed and the SQL time in ms. */
public record ExecOutcome(int count, double durationMs) {
}
