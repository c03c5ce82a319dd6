package dev.outpost.r2.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * A blocking InputStream (an object body from the backend) as a Multi of chunks that reads only on
 * demand: each requested item is one read of up to {@code chunkBytes} on the given executor, never
 * on an event loop. Slow consumers simply request less, so memory stays at about one chunk per
 * download. The stream is closed on completion, failure and cancellation.
 */
public final class ChunkedReads {

    private static final byte[] EOF = new byte[0];

    private ChunkedReads() {
    }

    public static Multi<byte[]> of(InputStream in, int chunkBytes, Executor executor) {
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(() -> readChunk(in, chunkBytes)).runSubscriptionOn(executor))
                .until(chunk -> chunk == EOF)
                .onTermination().invoke(() -> closeQuietly(in));
    }

    private static byte[] readChunk(InputStream in, int chunkBytes) {
        try {
            // into one array of the chunk size: readNBytes(int) gathers 8 KiB pieces and copies them again
            byte[] chunk = new byte[chunkBytes];
            int n = in.readNBytes(chunk, 0, chunkBytes);
            return n == 0 ? EOF : n == chunkBytes ? chunk : java.util.Arrays.copyOf(chunk, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a half-read backend response only releases the connection
        }
    }
}
