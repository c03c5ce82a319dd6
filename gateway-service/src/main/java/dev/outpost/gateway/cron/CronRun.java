package dev.outpost.gateway.cron;

import java.time.Instant;

/**
 * What happened to one trigger in one minute on this replica.
 *
 * @param claimed  false when another replica (or an earlier evaluation) owned the minute, so nothing ran here, or
 *                 when claiming failed (then {@code error} says why)
 * @param outcome  the last attempt's outcome ({@code ok}, {@code exception}, ...); null when not claimed
 * @param attempts 1, or 2 after a retry
 */
public record CronRun(CronTrigger trigger, Instant minute, boolean claimed, String outcome, String error, int attempts) {
    static CronRun notClaimed(CronTrigger trigger, Instant minute) {
        return new CronRun(trigger, minute, false, null, null, 0);
    }
}
