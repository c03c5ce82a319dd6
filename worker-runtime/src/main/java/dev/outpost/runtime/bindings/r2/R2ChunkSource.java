package dev.outpost.runtime.bindings.r2;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A body as a pull stream of byte chunks, so no hop has to hold a whole object: the consumer asks for the next chunk
 * only when it is ready for it. One outstanding {@link #next()} at a time.
 */
public interface R2ChunkSource {

    /** The next chunk (never empty), or null at the end of the body. */
    CompletionStage<byte[]> next();

    /** The consumer stops early: release what the source holds (e.g. cancel the underlying call). */
    void cancel();

    /** The body's length in bytes, or -1 when not known in advance. */
    long length();

    /** A source over bytes already in memory, handed out in one chunk. */
    static R2ChunkSource of(byte[] bytes) {
        return new R2ChunkSource() {
            private boolean done = bytes.length == 0;

            @Override
            public CompletionStage<byte[]> next() {
                if (done) {
                    return CompletableFuture.completedFuture(null);
                }
                done = true;
                return CompletableFuture.completedFuture(bytes);
            }

            @Override
            public void cancel() {
                done = true;
            }

            @Override
            public long length() {
                return bytes.length;
            }
        };
    }
}
