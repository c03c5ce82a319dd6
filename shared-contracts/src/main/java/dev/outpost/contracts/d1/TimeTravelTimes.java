package dev.outpost.contracts.d1;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code ?timestamp=} of D1 Time Travel (D1-15), read the same way by d1-service's REST API and the gateway's:
 * RFC 3339 (what wrangler sends) or epoch seconds (milliseconds when the number is that large).
 */
public final class TimeTravelTimes {
    private TimeTravelTimes() {
    }

    /** Epoch milliseconds; an {@link IllegalArgumentException} with the API's message when it is neither form. */
    public static long epochMillis(String timestamp) {
        String t = timestamp.trim();
        try {
            if (t.matches("\\d+")) {
                long n = Long.parseLong(t);
                return n > 100_000_000_000L ? n : n * 1000;
            }
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "timestamp must be RFC 3339 (e.g. 2024-01-01T00:00:00Z) or epoch seconds: " + timestamp);
        }
    }
}
