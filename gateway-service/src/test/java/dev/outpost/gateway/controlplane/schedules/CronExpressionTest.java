package dev.outpost.gateway.controlplane.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CRON-2: Cloudflare's cron syntax, accepted and rejected, and what each form fires on. */
class CronExpressionTest {

    static ZonedDateTime at(String iso) {
        return ZonedDateTime.parse(iso).withZoneSameInstant(ZoneOffset.UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * * *", "*/5 * * * *", "0 12 * * MON-FRI", "10 7 * * mon-fri", "0 17 * * sun",
        "59 23 LW * *", "0 0 L * *", "0 9 15W * *", "0 0 * * 6L", "0 0 * * FRIL", "0 9 * * 2#1", "0 9 * * mon#3",
        "0 0 1 JAN,jul *", "0-30/10 8-18 1-15 1-6 1,3,5", "0 0 ? * 1"})
    void acceptsCloudflareForms(String cron) {
        assertEquals(cron, CronExpression.parse(cron).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * 32 * *",
        "* * * 13 *", "* * * * 0", "* * * * 8", "*/0 * * * *", "5-1 * * * *", "* * * FOO *", "* * * * MON#6",
        "a * * * *", "1,,2 * * * *", "* * 1L * *", "* * * * 1W"})
    void rejectsWhatCloudflareRejects(String cron) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(cron));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void theMessageNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 * * 0"));
        assertTrue(e.getMessage().contains("day-of-week value 0 is outside 1-7"), e.getMessage());
    }

    @Test
    void matchesTheMinutesItNames() {
        CronExpression weekdayNoon = CronExpression.parse("0 12 * * MON-FRI");
        assertTrue(weekdayNoon.matches(at("2026-11-27T12:00:00Z"))); // a Friday
        assertFalse(weekdayNoon.matches(at("2026-11-28T12:00:00Z"))); // a Saturday
        assertFalse(weekdayNoon.matches(at("2026-11-27T12:01:00Z")));
        // 1 = Sunday
        assertTrue(CronExpression.parse("0 0 * * 1").matches(at("2026-11-29T00:00:00Z")));
        // last day, last weekday, nearest weekday
        assertTrue(CronExpression.parse("0 0 L * *").matches(at("2026-02-28T00:00:00Z")));
        assertTrue(CronExpression.parse("0 0 LW * *").matches(at("2026-05-29T00:00:00Z"))); // May 31 2026 is a Sunday
        assertTrue(CronExpression.parse("0 0 15W * *").matches(at("2026-11-16T00:00:00Z"))); // Nov 15 2026 is a Sunday
        // last Friday, first Monday
        assertTrue(CronExpression.parse("0 0 * * 6L").matches(at("2026-11-27T00:00:00Z")));
        assertFalse(CronExpression.parse("0 0 * * 6L").matches(at("2026-11-20T00:00:00Z")));
        assertTrue(CronExpression.parse("0 0 * * 2#1").matches(at("2026-11-02T00:00:00Z")));
        assertFalse(CronExpression.parse("0 0 * * 2#1").matches(at("2026-11-09T00:00:00Z")));
        assertTrue(CronExpression.parse("*/15 * * * *").matches(at("2026-11-09T03:45:00Z")));
        assertFalse(CronExpression.parse("*/15 * * * *").matches(at("2026-11-09T03:46:00Z")));
    }
}
