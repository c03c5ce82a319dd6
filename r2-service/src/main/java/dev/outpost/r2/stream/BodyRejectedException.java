package dev.outpost.r2.stream;

import dev.outpost.r2.error.R2Exception;
import java.io.IOException;

/**
 * Thrown from inside an upload stream when the body breaks a rule (digest, length). It is an
 * IOException so the HTTP library writing to the backend aborts the request before the last byte,
 * and the object is never committed; callers unwrap {@link #reason()}.
 */
public final class BodyRejectedException extends IOException {

    private final R2Exception reason;

    public BodyRejectedException(R2Exception reason) {
        super(reason.getMessage());
        this.reason = reason;
    }

    public R2Exception reason() {
        return reason;
    }

    /** The rejection reason anywhere in a cause chain, or null. */
    public static R2Exception find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyRejectedException b) {
                return b.reason;
            }
            if (c instanceof R2Exception r) {
                return r;
            }
            for (Throwable s : c.getSuppressed()) {
                R2Exception found = find(s);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
