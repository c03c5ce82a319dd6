package dev.outpost.r2.service;

/**
 * R2-5 onlyIf. Etag fields may hold one etag, "*", or a comma-separated list (the Headers form);
 * times are epoch milliseconds. All null = no condition.
 */
public record R2Conditional(String etagMatches, String etagDoesNotMatch, Long uploadedBefore, Long uploadedAfter,
        boolean secondsGranularity) {

    public static final R2Conditional NONE = new R2Conditional(null, null, null, null, false);

    public boolean isEmpty() {
        return etagMatches == null && etagDoesNotMatch == null && uploadedBefore == null && uploadedAfter == null;
    }
}
