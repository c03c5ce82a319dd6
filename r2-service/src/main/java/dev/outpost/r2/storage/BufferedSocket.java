package dev.outpost.r2.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;

/**
 * A plain socket whose input is read from the kernel, and whose output is written to it, in large chunks. OkHttp
 * (through Okio) reads and writes a connection in 8 KiB segments, so a 1 MiB object body costs ~128 system calls
 * each way, each with the JDK socket's locking and temporary-buffer bookkeeping. Reads of up to {@code bufferBytes}
 * per system call serve Okio's 8 KiB reads from memory; writes collect in a buffer of {@code writeBufferBytes} that
 * goes out when full and whenever OkHttp flushes (it flushes at the end of a request's headers and body; a streamed
 * upload body flushes after every 64 KiB it hands on). The socket's read timeout still applies to every read that
 * goes to the kernel. 0 leaves that side unbuffered.
 */
final class BufferedSocket extends Socket {

    private final int bufferBytes;
    private final int writeBufferBytes;
    private InputStream input;
    private OutputStream output;

    BufferedSocket(int bufferBytes) {
        this(bufferBytes, 0);
    }

    BufferedSocket(int bufferBytes, int writeBufferBytes) {
        this.bufferBytes = bufferBytes;
        this.writeBufferBytes = writeBufferBytes;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = bufferBytes > 0 ? new ChunkedInput(super.getInputStream(), bufferBytes) : super.getInputStream();
        }
        return input;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = writeBufferBytes > 0 ? new ChunkedOutput(super.getOutputStream(), writeBufferBytes)
                    : super.getOutputStream();
        }
        return output;
    }

    /**
     * Like BufferedOutputStream, without its lock (one writer per connection): writes collect until the buffer is
     * full or the writer flushes; a write at least as large as the buffer goes straight out. The buffer is allocated
     * on the first write and lives as long as the connection.
     */
    static final class ChunkedOutput extends OutputStream {

        private final OutputStream out;
        private final int size;
        private byte[] buf;
        private int count;

        ChunkedOutput(OutputStream out, int size) {
            this.out = out;
            this.size = size;
        }

        @Override
        public void write(int b) throws IOException {
            if (buf == null) {
                buf = new byte[size];
            }
            if (count == size) {
                drain();
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len >= size) {
                drain();
                out.write(b, off, len);
                return;
            }
            if (buf == null) {
                buf = new byte[size];
            }
            if (len > size - count) {
                drain();
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void drain() throws IOException {
            if (count > 0) {
                int n = count;
                count = 0; // a failed write loses the bytes either way: the connection is broken
                out.write(buf, 0, n);
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }
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
