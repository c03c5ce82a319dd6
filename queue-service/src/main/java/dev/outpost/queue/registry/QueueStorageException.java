package dev.outpost.queue.registry;

/** Kafka did not take a change of the queue registry (unreachable, timed out). */
public class QueueStorageException extends Exception {
    public QueueStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
