package dev.outpost.r2.service;

import dev.outpost.r2.error.R2Error;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R2-4 range: {offset, length} | {offset} | {length} | {suffix}. Becomes one HTTP byte range for
 * the backend. Overlong lengths are truncated by the backend; zero or negative lengths and
 * suffixes are InvalidRange.
 */
public record RangeSpec(Long offset, Long length, Long suffix) {

    private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    public RangeSpec {
        if (suffix != null && (offset != null || length != null)) {
            throw R2Error.INVALID_RANGE.exception("A suffix range cannot be combined with offset or length.");
        }
        if (suffix != null && suffix <= 0) {
            throw R2Error.INVALID_RANGE.exception("The range suffix must be positive.");
        }
        if (length != null && length <= 0) {
            throw R2Error.INVALID_RANGE.exception("The range length must be positive.");
        }
        if (offset != null && offset < 0) {
            throw R2Error.INVALID_RANGE.exception("The range offset must not be negative.");
        }
    }

    public boolean isEmpty() {
        return offset == null && length == null && suffix == null;
    }

    /** The HTTP Range header value. */
    public String toHeader() {
        if (suffix != null) {
            return "bytes=-" + suffix;
        }
        long start = offset == null ? 0 : offset;
        if (length == null) {
            return "bytes=" + start + "-";
        }
        return "bytes=" + start + "-" + (start + length - 1);
    }

    /**
     * An S3 request's Range header. Multi-range and malformed values yield null (the whole object),
     * as S3 and R2 answer them.
     */
    public static RangeSpec fromHeader(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches()) {
            return null;
        }
        String first = m.group(1);
        String last = m.group(2);
        try {
            if (first.isEmpty()) {
                if (last.isEmpty()) {
                    return null;
                }
                long suffix = Long.parseLong(last);
                return suffix <= 0 ? new RangeSpec(null, null, 0L) : new RangeSpec(null, null, suffix);
            }
            long start = Long.parseLong(first);
            if (last.isEmpty()) {
                return new RangeSpec(start, null, null);
            }
            long end = Long.parseLong(last);
            if (end < start) {
                return null;
            }
            return new RangeSpec(start, end - start + 1, null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
