package dev.outpost.runtime.bindings.queue;

/**
 * A queue's backlog as {@code send()} and {@code metrics()} report it: {@code backlogCount},
 * {@code backlogBytes}, and {@code oldestMessageTimestamp} (ms since the epoch, 0 = no message waiting).
 */
public record QueueBacklog(long count, long bytes, long oldestMessageTimestampMs) {
}
