package dev.outpost.kv.error;

/** A failure with a code from {@link KvError} and a message phrased like Cloudflare's. */
public class KvException extends RuntimeException {

    private final KvError error;

    public KvException(KvError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public KvException(KvError error, String message, Throwable cause) {
        super(message, cause, false, false);
        this.error = error;
    }

    public KvError error() {
        return error;
    }

    public static KvException namespaceNotFound() {
        return new KvException(KvError.NAMESPACE_NOT_FOUND, "namespace not found");
    }
}
