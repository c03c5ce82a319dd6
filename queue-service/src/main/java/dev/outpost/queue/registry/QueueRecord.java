package dev.outpost.queue.registry;

import java.util.List;

/**
 * A queue as the registry keeps it (API-8): its id and name within an account, its settings and its consumers.
 * Immutable; a change writes a new record.
 */
public record QueueRecord(String accountId, String id, String name, long createdOnMs, long modifiedOnMs,
        int deliveryDelay, int messageRetentionPeriod, boolean deliveryPaused, List<ConsumerRecord> consumers) {

    /** A consumer of a queue: a worker ({@code script}) or {@code http_pull}, with its batching settings. */
    public record ConsumerRecord(String id, String type, String script, String deadLetterQueue, int batchSize,
            int maxRetries, int maxWaitTimeMs, int maxConcurrency, int retryDelay, long visibilityTimeoutMs,
            long createdOnMs) {
    }

    public QueueRecord {
        consumers = List.copyOf(consumers);
    }

    /** The Kafka topic that holds this queue's messages. */
    public String topic() {
        return "outpost.queue." + id;
    }
}
