package dev.outpost.kv.error;

import io.grpc.Status;

/**
 * Every error kv-service can report, once. Each carries the gRPC status (for {@code OutpostErrors}), the
 * HTTP status Cloudflare answers with (the gateway and our REST API use it: 400, 401, 404, 413, 414 ...)
 * and the numeric code of the Cloudflare v4 envelope.
 *
 * <p>Cloudflare codes confirmed from client code in the wild: 10000 (authentication), 10009 (key not
 * found), 10013 (namespace not found), 10014 (duplicate title), 10019 (missing title). The others are our
 * own picks in the same range and are marked [?]; clients should branch on the HTTP status or on
 * {@link #code()} rather than on them.
 */
public enum KvError {
    UNAUTHENTICATED(Status.Code.UNAUTHENTICATED, 401, 10000),
    BAD_REQUEST(Status.Code.INVALID_ARGUMENT, 400, 10002), // [?]
    KEY_EMPTY(Status.Code.INVALID_ARGUMENT, 400, 10020), // [?]
    KEY_ILLEGAL(Status.Code.INVALID_ARGUMENT, 400, 10020), // [?]
    KEY_TOO_LONG(Status.Code.INVALID_ARGUMENT, 414, 10021), // [?]
    VALUE_TOO_LARGE(Status.Code.INVALID_ARGUMENT, 413, 10022), // [?]
    METADATA_TOO_LARGE(Status.Code.INVALID_ARGUMENT, 413, 10023), // [?]
    METADATA_INVALID(Status.Code.INVALID_ARGUMENT, 400, 10024), // [?]
    EXPIRATION_TTL_INVALID(Status.Code.INVALID_ARGUMENT, 400, 10025), // [?]
    EXPIRATION_INVALID(Status.Code.INVALID_ARGUMENT, 400, 10026), // [?]
    LIST_LIMIT_INVALID(Status.Code.INVALID_ARGUMENT, 400, 10027), // [?]
    CURSOR_INVALID(Status.Code.INVALID_ARGUMENT, 400, 10028), // [?]
    KEY_COUNT_INVALID(Status.Code.INVALID_ARGUMENT, 400, 10029), // [?] bulk calls outside their key count
    RESPONSE_TOO_LARGE(Status.Code.INVALID_ARGUMENT, 413, 10031), // [?] KV-3: bulk get over 25 MB
    KEY_NOT_FOUND(Status.Code.NOT_FOUND, 404, 10009),
    NAMESPACE_NOT_FOUND(Status.Code.NOT_FOUND, 404, 10013),
    NAMESPACE_TITLE_EXISTS(Status.Code.ALREADY_EXISTS, 400, 10014),
    NAMESPACE_TITLE_MISSING(Status.Code.INVALID_ARGUMENT, 400, 10019),
    TOO_MANY_REQUESTS(Status.Code.RESOURCE_EXHAUSTED, 429, 10049), // [?] KV-5: over 1 write/s to one key
    TOO_MANY_NAMESPACES(Status.Code.RESOURCE_EXHAUSTED, 400, 10030), // [?] KV-8: 1,000 per account
    STORAGE_UNAVAILABLE(Status.Code.UNAVAILABLE, 503, 10043), // [?]
    INTERNAL(Status.Code.INTERNAL, 500, 10001); // [?]

    private final Status.Code grpcStatus;
    private final int httpStatus;
    private final int cloudflareCode;

    KvError(Status.Code grpcStatus, int httpStatus, int cloudflareCode) {
        this.grpcStatus = grpcStatus;
        this.httpStatus = httpStatus;
        this.cloudflareCode = cloudflareCode;
    }

    /** The machine-readable code on the gRPC trailer {@code outpost-error-code}, e.g. {@code KV_KEY_TOO_LONG}. */
    public String code() {
        return "KV_" + name();
    }

    public Status.Code grpcStatus() {
        return grpcStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int cloudflareCode() {
        return cloudflareCode;
    }
}
