package dev.outpost.localstack.deploy;

import java.util.List;

/** The control-plane API refused a request (or could not be reached); {@link #messages()} are its errors[].message. */
public class ControlPlaneException extends RuntimeException {
    private final int status;
    private final List<String> messages;

    public ControlPlaneException(int status, List<String> messages) {
        super((status > 0 ? "HTTP " + status + ": " : "") + String.join("; ", messages));
        this.status = status;
        this.messages = List.copyOf(messages);
    }

    /** HTTP status, 0 when no answer came. */
    public int status() {
        return status;
    }

    public List<String> messages() {
        return messages;
    }
}
