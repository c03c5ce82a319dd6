package dev.outpost.runtime.bindings;

/**
 * A binding operation failed. Its message becomes the message of the Error the worker's promise rejects with,
 * so phrase it like Cloudflare does (e.g. {@code KV GET failed: 503 Service Unavailable}).
 */
public class BindingException extends RuntimeException {
    public BindingException(String message) {
        super(message);
    }

    public BindingException(String message, Throwable cause) {
        super(message, cause);
    }
}
