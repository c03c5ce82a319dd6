package dev.outpost.runtime;

/**
 * A scheduled event (cron trigger, or {@code /cdn-cgi/handler/scheduled}) for a worker's {@code scheduled}
 * handler: {@code controller.cron} and {@code controller.scheduledTime}.
 *
 * @param cron              the cron expression, may be empty
 * @param scheduledTimeMillis the scheduled time, milliseconds since the epoch
 * @param requestId         an identifier for the worker's log lines
 * @param attachment        the embedder's attachment, as for {@link WorkerRequest#attachment()}; may be null
 */
public record ScheduledEvent(String cron, long scheduledTimeMillis, String requestId, Object attachment) {
    public ScheduledEvent {
        cron = cron == null ? "" : cron;
    }
}
