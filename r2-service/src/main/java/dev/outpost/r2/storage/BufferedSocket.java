package dev.outpost.r2.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Objects;

/**
 * A plain socket whose input is read from the kernel in large chunks. OkHttp (through Okio) reads a connection in
 * 8 KiB segments, so a 1 MiB object body costs ~128 read system calls, each with the JDK socket's locking and
 * temporary-buffer bookkeeping; reading up to {@code bufferBytes} per system call and serving Okio's 8 KiB reads from
 * memory cuts that to a handful. Only the input side is buffered (a streamed PUT body still goes out in Okio's 8 KiB
 * writes), and the socket's read timeout still applies to every read that goes to the kernel.
 */
final class BufferedSocket extends Socket {

    private final int bufferBytes;
    private InputStream input;

    BufferedSocket(int bufferBytes) {
        this.bufferBytes = bufferBytes;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new ChunkedInput(super.getInputStream(), bufferBytes);
        }
        return input;
    }

    /**
     * Like BufferedInputStream, without its lock (one reader per connection) and without mark/reset. The buffer is
     * allocated on the first read and lives as long as the connection (one per concurrent backend call, plus at most
     * the pool's few idle ones).
     */
    static final class ChunkedInput extends InputStream {

        private final InputStream in;
        private final int size;
        private byte[] buf;
        private int pos;
        private int limit;

        ChunkedInput(InputStream in, int size) {
            this.in = in;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            if (pos == limit && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (pos == limit) {
                if (len >= size) {
                    return in.read(b, off, len); // as big as our buffer: no point copying twice
                }
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        /** One read from the socket (whatever has arrived, up to the buffer's size); false at the end of the stream. */
        private boolean fill() throws IOException {
            if (buf == null) {
                buf = new byte[size];
            }
            pos = 0;
            limit = 0;
            int n = in.read(buf, 0, size);
            if (n <= 0) {
                return false;
            }
            limit = n;
            return true;
        }

        @Override
        public int available() throws IOException {
            return (limit - pos) + in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
