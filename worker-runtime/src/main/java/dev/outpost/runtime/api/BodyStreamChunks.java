package dev.outpost.runtime.api;

import dev.outpost.runtime.BodyStream;
import dev.outpost.runtime.bindings.r2.R2ChunkSource;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A streamed worker body (a request body, a fetched response body, a JS stream of known length) as an R2 put
 * source: the binding pulls the next chunk only when it can send it on, so a put of any size holds about one chunk
 * in the gateway. The length is announced to r2-service up front (it is the object's size at the backend), so a
 * body that ends short or runs long fails the put here instead of storing something else.
 */
final class BodyStreamChunks implements R2ChunkSource {
    private final BodyStream stream;
    private final long length;
    private long seen;

    BodyStreamChunks(BodyStream stream, long length) {
        this.stream = stream;
        this.length = length;
    }

    @Override
    public CompletionStage<byte[]> next() {
        return stream.read().thenCompose(chunk -> {
            synchronized (this) {
                seen += chunk == null ? 0 : chunk.length;
                if (seen > length || (chunk == null && seen < length)) {
                    if (chunk != null) {
                        stream.cancel("R2 put body longer than its length");
                    }
                    return CompletableFuture.failedFuture(new IOException("The body's length (" + length
                            + " bytes) does not match the bytes it produced (" + (chunk == null ? "" : "more than ")
                            + seen + ")."));
                }
            }
            return CompletableFuture.completedFuture(chunk);
        });
    }

    @Override
    public void cancel() {
        stream.cancel("R2 upload stopped");
    }

    @Override
    public long length() {
        return length;
    }
}
