package dev.outpost.runtime;

/** A worker bundle could not be loaded: bad bundle, a compile error, a top-level throw, or no handlers. */
public class WorkerLoadException extends Exception {
    public WorkerLoadException(String message) {
        super(message);
    }

    public WorkerLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
