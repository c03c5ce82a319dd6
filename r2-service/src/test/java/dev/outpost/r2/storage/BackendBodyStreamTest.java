package dev.outpost.r2.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Object bodies are read without OkHttp's per-read timeout (R2-3 GET path); the stall guard must still fail a read
 * that the backend leaves hanging. A real HTTP server socket that sends the headers and half the body, then nothing.
 */
class BackendBodyStreamTest {

    @Test
    void bodyReadsAsChannelAndStreamAndAStalledReadIsCancelled() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread backend = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]); // the request (small enough for one read)
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n0123456789").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    release.await(); // never sends the other 10 bytes
                } catch (IOException | InterruptedException ignored) {
                    // the client closed the connection: expected
                }
            });
            backend.setDaemon(true);
            backend.start();

            OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
            Call call = http.newCall(new Request.Builder()
                    .url("http://127.0.0.1:" + server.getLocalPort() + "/object").build());
            Response response = call.execute();
            BackendBodyStream body = new BackendBodyStream(response.body(), call, Duration.ofSeconds(1));
            try {
                ByteBuffer first = ByteBuffer.allocateDirect(4);
                assertEquals(4, body.read(first), "a channel read");
                assertEquals("0123", StandardCharsets.US_ASCII.decode(first.flip()).toString());
                byte[] rest = new byte[6];
                assertEquals(6, body.readNBytes(rest, 0, 6), "stream reads of the same body");
                assertArrayEquals("456789".getBytes(StandardCharsets.US_ASCII), rest);
                // the guard looks every 5 s and cancels reads waiting longer than the 1 s limit
                assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> assertThrows(IOException.class, () -> body.read(new byte[10], 0, 10)));
            } finally {
                release.countDown();
                body.close();
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }
}
