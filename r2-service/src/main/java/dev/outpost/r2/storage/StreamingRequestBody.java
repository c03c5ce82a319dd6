package dev.outpost.r2.storage;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * An upload body streamed from an InputStream straight into the backend request, never held whole.
 * It always keeps one buffer in hand and writes it only after the next read succeeded, so the final
 * bytes leave only once the source has reported EOF, which is when the
 * {@link dev.outpost.r2.stream.VerifyingInputStream} checks length and digests. A failed check
 * therefore aborts the request before the backend has the full Content-Length, and nothing is stored.
 */
final class StreamingRequestBody extends RequestBody {

    private static final int BUFFER = 64 * 1024;

    private final InputStream source;
    private final long length;
    private boolean used;

    StreamingRequestBody(InputStream source, long length) {
        this.source = source;
        this.length = length;
    }

    @Override
    public MediaType contentType() {
        return null; // Content-Type travels as a signed header; OkHttp must not replace it
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public boolean isOneShot() {
        return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        if (used) {
            throw new IOException("streamed upload body cannot be sent twice");
        }
        used = true;
        byte[] held = new byte[BUFFER];
        int heldLength = readFully(held);
        if (heldLength < 0) {
            return;
        }
        byte[] next = new byte[BUFFER];
        while (true) {
            int nextLength = readFully(next);
            if (nextLength < 0) {
                sink.write(held, 0, heldLength);
                return;
            }
            sink.write(held, 0, heldLength);
            sink.flush();
            byte[] swap = held;
            held = next;
            next = swap;
            heldLength = nextLength;
        }
    }

    /** Fills as much of the buffer as one or more reads give, up to a full buffer; -1 only at EOF with nothing read. */
    private int readFully(byte[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int n = source.read(buffer, total, buffer.length - total);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (total > 0 && n < buffer.length - total && source.available() == 0) {
                break; // hand on what we have rather than wait for a full buffer
            }
        }
        return total;
    }
}
