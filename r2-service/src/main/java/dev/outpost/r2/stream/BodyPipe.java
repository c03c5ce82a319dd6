package dev.outpost.r2.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * Carries an upload body from a non-blocking producer (a Vert.x request, a gRPC client stream) to a
 * blocking consumer (the thread writing to the backend) while holding at most about
 * {@code highWater} bytes. {@link #offer} tells the producer to pause once the buffer is full;
 * the drain callback tells it to resume once the consumer has taken it below half. The producer
 * must never block: the callback runs on the consumer's thread, so producers hop back to their own
 * context inside it.
 */
public final class BodyPipe {

    private final long highWater;
    private final long lowWater;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private long buffered;
    private boolean ended;
    private boolean aborted;
    private boolean producerWaiting;
    private Throwable failure;
    private Runnable onDrain = () -> {
    };
    private final PipeInput input = new PipeInput();

    public BodyPipe(long highWater) {
        this.highWater = Math.max(highWater, 1);
        this.lowWater = this.highWater / 2;
    }

    /** Producer: adds a chunk. Returns false when the producer should pause until the drain callback. */
    public boolean offer(byte[] chunk) {
        synchronized (this) {
            if (aborted || ended || failure != null) {
                return true; // consumer gone or stream closed: the producer just discards
            }
            if (chunk.length == 0) {
                return true;
            }
            queue.addLast(chunk);
            buffered += chunk.length;
            notifyAll();
            if (buffered >= highWater) {
                producerWaiting = true;
                return false;
            }
            return true;
        }
    }

    /** Producer: the callback to run (on the consumer's thread) when a paused producer may go on. */
    public synchronized void onDrain(Runnable callback) {
        this.onDrain = callback;
    }

    /** Producer: no more chunks. */
    public synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Producer: the body broke off (client went away, malformed framing). The consumer's next read throws. */
    public synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }

    /** Consumer: gives up on the body; queued and future chunks are dropped and a paused producer resumes. */
    public void abort() {
        Runnable callback;
        synchronized (this) {
            aborted = true;
            queue.clear();
            buffered = 0;
            notifyAll();
            callback = producerWaiting ? onDrain : null;
            producerWaiting = false;
        }
        if (callback != null) {
            callback.run();
        }
    }

    public synchronized boolean isAborted() {
        return aborted;
    }

    /** Consumer: the body as a blocking stream. */
    public InputStream input() {
        return input;
    }

    private byte[] take() throws IOException {
        Runnable callback = null;
        byte[] chunk;
        synchronized (this) {
            while (queue.isEmpty() && !ended && failure == null && !aborted) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("upload interrupted");
                }
            }
            if (failure != null) {
                throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
            }
            if (aborted) {
                throw new IOException("upload aborted");
            }
            chunk = queue.pollFirst();
            if (chunk == null) {
                return null; // ended
            }
            buffered -= chunk.length;
            if (producerWaiting && buffered <= lowWater) {
                producerWaiting = false;
                callback = onDrain;
            }
        }
        if (callback != null) {
            callback.run();
        }
        return chunk;
    }

    private final class PipeInput extends InputStream {
        private byte[] current;
        private int pos;
        private boolean eof;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (current == null || pos >= current.length) {
                if (eof) {
                    return -1;
                }
                current = take();
                pos = 0;
                if (current == null) {
                    eof = true;
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Bytes readable without blocking: lets a writer batch chunks that have already arrived. */
        @Override
        public int available() {
            long queued;
            synchronized (BodyPipe.this) {
                queued = buffered;
            }
            long here = current == null ? 0 : current.length - pos;
            return (int) Math.min(Integer.MAX_VALUE, here + queued);
        }

        @Override
        public void close() {
            if (!eof) {
                abort();
            }
        }
    }
}
