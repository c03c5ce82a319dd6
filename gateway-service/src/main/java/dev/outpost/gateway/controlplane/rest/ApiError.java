package dev.outpost.gateway.controlplane.rest;

/**
 * The control plane's error vocabulary: Cloudflare's numeric codes (API-1, API-2) with the HTTP
 * status each one is answered with. Mapped once to the JSON envelope by {@link ApiExceptionMapper}.
 */
public enum ApiError {
    AUTHENTICATION(10000, 401),
    UNAUTHORIZED(9109, 403),
    BAD_REQUEST(10014, 400),
    NOT_FOUND(10007, 404),
    SCRIPT_VALIDATION(10021, 400),
    SCRIPT_TOO_LARGE(10027, 413),
    UNNAMED_BINDING(10052, 400),
    BINDING_TARGET_MISSING(10056, 400),
    NO_HANDLERS(10068, 400),
    UNSUPPORTED_BINDING(10021, 400),
    NAMESPACE_NOT_FOUND(10013, 404),
    CONFLICT(10014, 409),
    UPSTREAM_UNAVAILABLE(10043, 503),
    /** Cloudflare's "No route for that URI": Outpost does not serve the path. */
    NO_ROUTE(7000, 404),
    METHOD_NOT_ALLOWED(7001, 405),
    ROUTE_CONFLICT(10020, 409),
    INVALID_CRON(10100, 400),
    TOO_MANY_CRONS(10072, 400),
    KV_KEY_NOT_FOUND(10009, 404),
    INTERNAL(10002, 500);

    private final int code;
    private final int httpStatus;

    ApiError(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
