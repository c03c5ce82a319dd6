package dev.outpost.d1.error;

import io.grpc.Status;

/**
 * The service's one error vocabulary. Each code knows its REST form (HTTP status + Cloudflare
 * numeric code in the JSON envelope), its gRPC status, and the D1 message prefix a worker sees
 * (D1-12), if any. The gRPC metadata outpost-error-code carries {@link #name()}.
 */
public enum D1ErrorCode {
    /** SQL failed in SQLite or was refused by a D1 rule/limit; message = SQLite text + ": SQLITE_xxx". */
    D1_ERROR(400, 7500, Status.Code.INVALID_ARGUMENT, "D1_ERROR"),
    /** A query ran past outpost.d1.query-timeout and was interrupted (the database stays usable). */
    QUERY_TIMEOUT(400, 7500, Status.Code.RESOURCE_EXHAUSTED, "D1_ERROR"),
    /** A query was interrupted because the database is being restored or deleted. */
    QUERY_CANCELLED(409, 7500, Status.Code.ABORTED, "D1_ERROR"),
    D1_TYPE_ERROR(400, 7400, Status.Code.INVALID_ARGUMENT, "D1_TYPE_ERROR"),
    D1_EXEC_ERROR(400, 7500, Status.Code.INVALID_ARGUMENT, "D1_EXEC_ERROR"),
    D1_SESSION_ERROR(400, 7400, Status.Code.INVALID_ARGUMENT, "D1_SESSION_ERROR"),
    /** D1-6: dump() is deprecated; current databases refuse it. */
    D1_DUMP_ERROR(400, 7500, Status.Code.UNIMPLEMENTED, "D1_DUMP_ERROR"),
    /** Malformed request (bad JSON, missing field, bad id/name/timestamp). */
    INVALID_REQUEST(400, 7400, Status.Code.INVALID_ARGUMENT, null),
    /** Unknown database, or one that belongs to another account (indistinguishable on purpose). */
    DATABASE_NOT_FOUND(404, 7404, Status.Code.NOT_FOUND, null),
    /** D1-13: a database with that name already exists in the account. */
    DUPLICATE_NAME(409, 7502, Status.Code.ALREADY_EXISTS, null),
    /** Time Travel target outside the retention window or before the database existed. */
    TIME_TRAVEL_OUT_OF_RANGE(400, 7400, Status.Code.OUT_OF_RANGE, null),
    /** Placement: this shard does not own the database; the owner's address is attached. */
    NOT_OWNER(421, 7421, Status.Code.FAILED_PRECONDITION, null),
    /** Another shard needed for an account-wide answer (list, name check) did not answer. */
    SHARD_UNAVAILABLE(503, 7503, Status.Code.UNAVAILABLE, null),
    AUTHENTICATION(401, 10000, Status.Code.UNAUTHENTICATED, null),
    INTERNAL(500, 7500, Status.Code.INTERNAL, null);

    private final int httpStatus;
    private final int cloudflareCode;
    private final Status.Code grpcStatus;
    private final String d1Prefix;

    D1ErrorCode(int httpStatus, int cloudflareCode, Status.Code grpcStatus, String d1Prefix) {
        this.httpStatus = httpStatus;
        this.cloudflareCode = cloudflareCode;
        this.grpcStatus = grpcStatus;
        this.d1Prefix = d1Prefix;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int cloudflareCode() {
        return cloudflareCode;
    }

    public Status.Code grpcStatus() {
        return grpcStatus;
    }

    /** "D1_ERROR", "D1_EXEC_ERROR", ... or null for management errors that carry no D1 prefix. */
    public String d1Prefix() {
        return d1Prefix;
    }
}
