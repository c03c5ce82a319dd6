package dev.outpost.r2.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The backend client's sockets (R2-1 bodies, issue 6 throughput): input read in large chunks must hand back exactly
 * the bytes sent, in order, whatever sizes the reader asks for, and keep the socket's read timeout; output collected
 * in large chunks must send exactly the bytes written, and a flush must send what is held. Real loopback
 * sockets.
 */
class BufferedSocketTest {

    @Test
    void readsExactlyWhatWasSentWhateverTheReadSizes() throws Exception {
        byte[] sent = new byte[3 * 1024 * 1024 + 17];
        new Random(6).nextBytes(sent);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    // uneven writes, so reads see partial buffers
                    int off = 0;
                    int step = 1;
                    while (off < sent.length) {
                        int n = Math.min(step, sent.length - off);
                        out.write(sent, off, n);
                        off += n;
                        step = step * 7 % 300_000 + 1;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Socket socket = new BackendSocketFactory(64 * 1024).createSocket();
            try (socket) {
                assertTrue(socket instanceof BufferedSocket);
                assertTrue(socket.getTcpNoDelay());
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                // single bytes, Okio-sized reads, and reads larger than the buffer
                int first = in.read();
                got.write(first);
                byte[] small = new byte[8192];
                for (int i = 0; i < 20; i++) {
                    int n = in.read(small, 0, small.length);
                    got.write(small, 0, n);
                }
                byte[] large = new byte[200_000];
                int n;
                while ((n = in.read(large, 3, large.length - 3)) > 0) {
                    got.write(large, 3, n);
                }
                assertEquals(-1, n);
                assertEquals(-1, in.read());
                assertArrayEquals(sent, got.toByteArray());
            }
            writer.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void keepsTheSocketReadTimeoutAndTheStreamUsableAfterIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch timedOut = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(new byte[] {1, 2, 3});
                    out.flush();
                    timedOut.await(10, TimeUnit.SECONDS);
                    out.write(new byte[] {4, 5});
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket socket = new BackendSocketFactory(128 * 1024).createSocket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                socket.setSoTimeout(200);
                InputStream in = socket.getInputStream();
                byte[] b = new byte[8192];
                int n = in.read(b, 0, b.length);
                while (n < 3) {
                    n += in.read(b, n, b.length - n);
                }
                assertEquals(3, n);
                assertThrows(SocketTimeoutException.class, () -> in.read(b, 0, b.length));
                timedOut.countDown();
                socket.setSoTimeout(5000);
                assertEquals(4, in.read());
                assertEquals(5, in.read());
                assertEquals(-1, in.read());
            }
            writer.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void writesExactlyWhatWasWrittenAndFlushSendsIt() throws Exception {
        byte[] sent = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(sent);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    // a request's headers, flushed: they must arrive while the writer still holds the socket open
                    byte[] head = in.readNBytes(5);
                    s.getOutputStream().write(head.length);
                    s.getOutputStream().flush();
                    ByteArrayOutputStream rest = new ByteArrayOutputStream();
                    rest.write(head);
                    in.transferTo(rest);
                    return rest.toByteArray();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Socket socket = new BackendSocketFactory(64 * 1024, 64 * 1024).createSocket();
            try (socket) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                socket.setSoTimeout(10_000); // an unsent flush would otherwise wait for the peer's answer forever
                OutputStream out = socket.getOutputStream();
                out.write(sent, 0, 1);
                out.write(sent, 1, 4);
                out.flush();
                assertEquals(5, socket.getInputStream().read(), "the flushed bytes reached the peer");
                // single bytes, Okio-sized writes, writes larger than the buffer, flushes in between
                int off = 5;
                out.write(sent[off++]);
                int step = 1;
                while (off < sent.length) {
                    int n = Math.min(step, sent.length - off);
                    out.write(sent, off, n);
                    off += n;
                    step = step % 3 == 0 ? 8192 : step * 7 % 200_000 + 1;
                    if (off % 5 == 0) {
                        out.flush();
                    }
                }
                out.flush();
                socket.shutdownOutput();
                assertArrayEquals(sent, reader.get(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void zeroBufferMeansPlainSockets() throws Exception {
        try (Socket socket = new BackendSocketFactory(0, 0).createSocket()) {
            assertEquals(Socket.class, socket.getClass());
            assertTrue(socket.getTcpNoDelay());
        }
    }
}
