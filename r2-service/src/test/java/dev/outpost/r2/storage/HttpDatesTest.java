package dev.outpost.r2.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * Last-Modified of backend answers (R2-3 object metadata: uploaded) read without SimpleDateFormat must give what
 * OkHttp's parser gives for every RFC 1123 date, and refuse (so the caller falls back) anything else.
 */
class HttpDatesTest {

    @Test
    void agreesWithOkHttpOnRfc1123Dates() {
        DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        Random random = new Random(6);
        for (int i = 0; i < 2000; i++) {
            long second = (long) (random.nextDouble() * 4_102_444_800L); // 1970 .. 2100
            String text = rfc.format(Instant.ofEpochSecond(second));
            if (text.length() != 29) {
                text = text.substring(0, 5) + "0" + text.substring(5); // RFC_1123 prints day 1 as "1"; S3 sends "01"
            }
            long expected = Headers.of("Last-Modified", text).getDate("Last-Modified").getTime();
            assertEquals(expected, HttpDates.parseRfc1123(text), text);
            assertEquals(second * 1000, HttpDates.parseRfc1123(text), text);
        }
        assertEquals(Headers.of("d", "Sun, 29 Nov 2026 14:20:00 GMT").getDate("d").getTime(),
                HttpDates.parseRfc1123("Sun, 29 Nov 2026 14:20:00 GMT"));
    }

    @Test
    void refusesOtherForms() {
        for (String text : List.of("", "Sunday, 29-Nov-26 14:20:00 GMT", "Sun Nov 29 14:20:00 2026",
                "Sun, 29 Nov 2026 14:20:00 UTC", "Sun, 31 Nov 2026 14:20:00 GMT", "Sun, 29 Xyz 2026 14:20:00 GMT",
                "Sun, 29 Nov 2026 24:20:00 GMT", "Sun, 2x Nov 2026 14:20:00 GMT", "Sun, 29 ovD 2026 14:20:00 GMT")) {
            assertEquals(Long.MIN_VALUE, HttpDates.parseRfc1123(text), text);
        }
        assertEquals(Long.MIN_VALUE, HttpDates.parseRfc1123(null));
    }
}
