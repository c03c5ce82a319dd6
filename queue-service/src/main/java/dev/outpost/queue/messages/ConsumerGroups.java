package dev.outpost.queue.messages;

/** The Kafka consumer group whose committed offset marks how far a queue's messages are settled. */
public final class ConsumerGroups {
    private ConsumerGroups() {
    }

    public static String of(String queueId) {
        return "outpost.queue.consumer." + queueId;
    }
}
