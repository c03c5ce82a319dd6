package dev.outpost.queue.messages;

/** Kafka did not take a message (unreachable, timed out, topic gone). */
public class MessageStorageException extends Exception {
    public MessageStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
