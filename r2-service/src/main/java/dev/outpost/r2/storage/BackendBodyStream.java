package dev.outpost.r2.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * An object body as the backend sends it, readable both as an InputStream (gRPC chunks, copies into heap arrays) and
 * as a channel: the S3 API reads straight into the direct buffers it writes to its socket, saving a heap array per
 * chunk (allocated and zeroed) and the copy of it into a direct buffer that a socket write of a heap buffer needs.
 * Closing releases the backend connection (or drops it when the body was not read to the end).
 * <p>
 * The body is fetched without a per-read timeout (see {@link BackendClient#getObject}); instead one shared thread
 * looks at the open bodies every few seconds and cancels the call of any whose current read has waited longer than
 * the stall limit, which fails that read. Two field writes per read instead of a watchdog wake-up.
 */
public final class BackendBodyStream extends InputStream implements ReadableByteChannel {

    private static final Set<BackendBodyStream> OPEN = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService GUARD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "r2-body-stall-guard");
        t.setDaemon(true);
        return t;
    });

    static {
        GUARD.scheduleWithFixedDelay(BackendBodyStream::cancelStalled, 5, 5, TimeUnit.SECONDS);
    }

    private final ResponseBody body;
    private final Call call;
    private final long stallNanos;
    private final BufferedSource source;
    private final InputStream in;
    /** System.nanoTime() when the read in progress started; 0 between reads. */
    private volatile long readingSince;

    BackendBodyStream(ResponseBody body, Call call, Duration stall) {
        this.body = body;
        this.call = call;
        this.stallNanos = stall.toNanos();
        this.source = body.source();
        this.in = source.inputStream();
        OPEN.add(this);
    }

    private static void cancelStalled() {
        long now = System.nanoTime();
        for (BackendBodyStream s : OPEN) {
            long since = s.readingSince;
            if (since != 0 && now - since > s.stallNanos) {
                s.call.cancel(); // closes the socket: the blocked read fails
                OPEN.remove(s);
            }
        }
    }

    @Override
    public int read() throws IOException {
        readingSince = System.nanoTime();
        try {
            return in.read();
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        readingSince = System.nanoTime();
        try {
            return in.read(b, off, len);
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        readingSince = System.nanoTime();
        try {
            return source.read(dst);
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public boolean isOpen() {
        return source.isOpen();
    }

    @Override
    public void close() {
        OPEN.remove(this);
        body.close();
    }
}
