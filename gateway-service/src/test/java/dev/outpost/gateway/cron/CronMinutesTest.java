package dev.outpost.gateway.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** CRON-3: the runner evaluates the minute it is in, once, and never a minute before it (no backfill). */
class CronMinutesTest {
    static final Instant MINUTE = Instant.parse("2026-11-29T11:42:00Z");

    @Test
    void anInstantBelongsToTheUtcMinuteItFallsIn() {
        assertEquals(MINUTE, CronMinutes.minuteOf(MINUTE));
        assertEquals(MINUTE, CronMinutes.minuteOf(Instant.parse("2026-11-29T11:42:59.999Z")));
        assertEquals(MINUTE.plusSeconds(60), CronMinutes.minuteOf(Instant.parse("2026-11-29T11:43:00.001Z")));
    }

    @Test
    void theTimerWakesJustAfterTheNextMinuteStarts() {
        assertEquals(60_000 + CronMinutes.SLACK_MILLIS, CronMinutes.millisToNextMinute(MINUTE));
        assertEquals(1 + CronMinutes.SLACK_MILLIS, CronMinutes.millisToNextMinute(Instant.parse("2026-11-29T11:42:59.999Z")));
        assertEquals(30_000 + CronMinutes.SLACK_MILLIS, CronMinutes.millisToNextMinute(MINUTE.plusSeconds(30)));
    }

    @Test
    void eachMinuteIsDueOnceAndMissedMinutesAreNotReplayed() {
        assertEquals(MINUTE, CronMinutes.due(MINUTE.plusMillis(20), null), "first tick after start");
        assertNull(CronMinutes.due(MINUTE.plusSeconds(59), MINUTE), "a second wake-up in the same minute");
        assertNull(CronMinutes.due(MINUTE.minusMillis(3), MINUTE), "a timer that fired early, after a clock step back");
        // a replica that slept through three minutes evaluates the current one only
        assertEquals(MINUTE.plusSeconds(240), CronMinutes.due(MINUTE.plusSeconds(245), MINUTE));
    }
}
