package dev.outpost.r2.storage;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the backend's Last-Modified header (RFC 1123, "Sun, 29 Nov 2026 14:20:00 GMT", the form S3 servers send)
 * without {@code SimpleDateFormat}: OkHttp's {@code Headers.getDate} parses with one, which looks up the locale's
 * month and day names for every header it parses — a few percent of r2-service's CPU per proxied GET. Anything else
 * returns {@code Long.MIN_VALUE} and the caller falls back to OkHttp's lenient parser.
 */
final class HttpDates {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private HttpDates() {
    }

    /** Epoch milliseconds of an RFC 1123 date, or Long.MIN_VALUE when {@code text} is not in exactly that form. */
    static long parseRfc1123(String text) {
        if (text == null || text.length() != 29 || text.charAt(3) != ',' || text.charAt(4) != ' '
                || text.charAt(7) != ' ' || text.charAt(11) != ' ' || text.charAt(16) != ' '
                || text.charAt(19) != ':' || text.charAt(22) != ':' || !text.endsWith(" GMT")) {
            return Long.MIN_VALUE;
        }
        int day = digits(text, 5, 2);
        int monthAt = MONTHS.indexOf(text.substring(8, 11));
        int year = digits(text, 12, 4);
        int hour = digits(text, 17, 2);
        int minute = digits(text, 20, 2);
        int second = digits(text, 23, 2);
        if (day < 1 || monthAt < 0 || monthAt % 3 != 0 || year < 0 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 60) {
            return Long.MIN_VALUE;
        }
        long days;
        try {
            days = LocalDate.of(year, monthAt / 3 + 1, day).toEpochDay();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE; // e.g. 31 Nov
        }
        return ((days * 24 + hour) * 60 + minute) * 60_000L + Math.min(second, 59) * 1000L;
    }

    /** The non-negative number in {@code n} decimal digits at {@code from}, or -1. */
    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
