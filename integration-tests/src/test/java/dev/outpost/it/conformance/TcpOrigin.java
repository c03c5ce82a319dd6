package dev.outpost.it.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * RT-6: the TCP origin the corpus's {@code cloudflare:sockets} {@code connect()} calls reach (same server for workerd
 * and Outpost), on loopback port {@link #PORT}. Every byte received is sent back unchanged; a chunk containing
 * {@code QUIT} is answered with {@code bye\n} and the server closes the connection; when the client half-closes,
 * the server closes after echoing what it got.
 */
public final class TcpOrigin extends LoopbackOrigin {
    public static final int PORT = 31502;
    public static final String ADDRESS = "127.0.0.1:" + PORT;

    private TcpOrigin() throws IOException {
        super(PORT);
    }

    public static TcpOrigin start() throws IOException {
        TcpOrigin origin = new TcpOrigin();
        origin.accept();
        return origin;
    }

    @Override
    void serve(Socket socket) {
        echo(socket);
    }

    private static void echo(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains("QUIT")) {
                    out.write("bye\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }
}
