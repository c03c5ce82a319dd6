package dev.outpost.runtime.bindings.r2;

/**
 * R2-5 {@code onlyIf}; absent parts are null. Dates in epoch milliseconds. Headers input is normalised by the JS side
 * into this form (If-Match → etagMatches, If-None-Match → etagDoesNotMatch, If-Unmodified-Since → uploadedBefore,
 * If-Modified-Since → uploadedAfter, with {@code secondsGranularity}).
 */
public record R2Conditional(String etagMatches, String etagDoesNotMatch, Long uploadedBefore, Long uploadedAfter,
                            boolean secondsGranularity) {
}
