package dev.outpost.it.conformance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test origin on a loopback port: accepts connections on its own thread and serves each on another with
 * {@link #serve}, until closed. The conformance origins (same server for workerd and Outpost) extend it.
 */
abstract class LoopbackOrigin implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** Listens on 127.0.0.1:{@code port} (0: any free port, see {@link #port()}); call {@link #accept()} next. */
    LoopbackOrigin(int port) throws IOException {
        this.server = new ServerSocket(port, 64, InetAddress.getByName("127.0.0.1"));
    }

    /** One connection, served on its own thread; the socket is the callee's to close. */
    abstract void serve(Socket socket);

    /** Starts accepting (after construction, so that subclasses are fully built first). */
    final void accept() {
        threads.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
