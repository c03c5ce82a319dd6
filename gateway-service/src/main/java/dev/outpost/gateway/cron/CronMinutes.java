package dev.outpost.gateway.cron;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Minute arithmetic of the runner: which UTC minute an instant falls in, and how long to wait for the next one.
 * Cron triggers fire for the minute the runner is in; minutes that passed while no replica was evaluating are not
 * replayed (Cloudflare does not backfill either).
 */
public final class CronMinutes {
    /**
     * Fired this long after a minute starts, so a timer that wakes a little early still lands in the new minute
     * (the claim makes a second evaluation harmless anyway).
     */
    static final long SLACK_MILLIS = 20;

    private CronMinutes() {
    }

    /** The start of the UTC minute {@code now} falls in. */
    public static Instant minuteOf(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES);
    }

    /** Milliseconds from {@code now} until just after the next minute starts. */
    public static long millisToNextMinute(Instant now) {
        Instant next = minuteOf(now).plus(1, ChronoUnit.MINUTES);
        return next.toEpochMilli() - now.toEpochMilli() + SLACK_MILLIS;
    }

    /**
     * The minute to evaluate on a timer that fired at {@code now}, or null when that minute was evaluated already
     * ({@code last}): each minute is evaluated at most once per replica, and never one before the current.
     */
    public static Instant due(Instant now, Instant last) {
        Instant minute = minuteOf(now);
        return last != null && !minute.isAfter(last) ? null : minute;
    }
}
