package dev.outpost.queue.delivery;

import dev.outpost.queue.messages.StoredMessage;

/** What happens to one delivered message once its batch's outcome is known. */
public sealed interface Settlement {
    StoredMessage message();

    /** Acknowledged: done. */
    record Ack(StoredMessage message) implements Settlement {
    }

    /** Delivered again as attempt {@code attempts + 1}, not before {@code delaySeconds} from now. */
    record Retry(StoredMessage message, int delaySeconds) implements Settlement {
    }

    /** Out of retries: moved to the dead-letter queue, or deleted when the consumer has none. */
    record DeadLetter(StoredMessage message) implements Settlement {
    }
}
