package dev.outpost.gateway.controlplane.rest;

/** A control-plane failure that the client must see as a Cloudflare-style error. */
public class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ApiError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
