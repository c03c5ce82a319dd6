package dev.outpost.localstack;

/** The stack could not be started, stopped or configured; the message is meant for a person. */
public class LocalStackException extends RuntimeException {
    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
