package dev.outpost.r2.error;

/** A failure in the R2 vocabulary; each transport renders it once (S3 XML, JSON envelope, gRPC status). */
public final class R2Exception extends RuntimeException {

    private final R2Error error;

    public R2Exception(R2Error error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public R2Error error() {
        return error;
    }

    /** Any throwable as an R2 failure: R2 failures unchanged, everything else an internal error. */
    public static R2Exception of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof R2Exception r2) {
            return r2;
        }
        return R2Error.INTERNAL_ERROR.exception();
    }
}
