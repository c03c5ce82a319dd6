package dev.outpost.d1.error;

/**
 * A failure in the service's vocabulary. {@link #detail()} is the text without the D1 prefix (what
 * the REST envelope shows, like Cloudflare's API); {@link #workerMessage()} adds the prefix (what a
 * worker binding throws, D1-12: e.g. "D1_ERROR: no such table: t: SQLITE_ERROR").
 */
public class D1Exception extends RuntimeException {

    private final D1ErrorCode code;
    private final String detail;
    private final String owner;

    public D1Exception(D1ErrorCode code, String detail) {
        this(code, detail, null, null);
    }

    public D1Exception(D1ErrorCode code, String detail, Throwable cause) {
        this(code, detail, null, cause);
    }

    private D1Exception(D1ErrorCode code, String detail, String owner, Throwable cause) {
        super(code.d1Prefix() == null ? detail : code.d1Prefix() + ": " + detail, cause, false, false);
        this.code = code;
        this.detail = detail;
        this.owner = owner;
    }

    public static D1Exception notOwner(String databaseId, String ownerAddress) {
        return new D1Exception(D1ErrorCode.NOT_OWNER, "Database " + databaseId + " is owned by shard "
                + ownerAddress + "; send the request there", ownerAddress, null);
    }

    public static D1Exception notFound(String databaseId) {
        return new D1Exception(D1ErrorCode.DATABASE_NOT_FOUND, "The database " + databaseId + " could not be found.");
    }

    public static D1Exception invalid(String detail) {
        return new D1Exception(D1ErrorCode.INVALID_REQUEST, detail);
    }

    public static D1Exception sql(String detail) {
        return new D1Exception(D1ErrorCode.D1_ERROR, detail);
    }

    public D1ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public String workerMessage() {
        return getMessage();
    }

    /** For {@link D1ErrorCode#NOT_OWNER}: the owner's address, else null. */
    public String owner() {
        return owner;
    }

    /** Unwraps CompletionException/ExecutionException chains; anything unknown becomes INTERNAL. */
    public static D1Exception from(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof D1Exception d) {
                return d;
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return new D1Exception(D1ErrorCode.INTERNAL, "Internal error", failure);
    }
}
