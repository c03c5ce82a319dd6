package dev.outpost.runtime;

import java.util.concurrent.CompletionStage;

/**
 * A body that arrives (or leaves) chunk by chunk across the Java boundary. It is pull-based: the consumer asks
 * for the next chunk when it can take it, which is what carries backpressure through (a paused socket, a JS
 * stream that is not read). At most one {@link #read()} is outstanding at a time.
 */
public interface BodyStream {
    /**
     * The next chunk (never empty), or null at the end of the body. Completes exceptionally when the body
     * failed (the connection was lost, the limit was exceeded, the producing JS stream errored).
     */
    CompletionStage<byte[]> read();

    /** The consumer does not want the rest; the producer may release what it holds. Idempotent. */
    void cancel(String reason);

    /** The length when the producer knows it in advance, else -1. */
    default long length() {
        return -1;
    }
}
