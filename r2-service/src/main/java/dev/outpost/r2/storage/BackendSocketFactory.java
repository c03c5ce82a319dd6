package dev.outpost.r2.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets for the backend client (the MinIO client's OkHttpClient), tuned for moving object bodies:
 * <ul>
 * <li>TCP_NODELAY. OkHttp leaves Nagle's algorithm on; a streamed upload then writes its headers and each body chunk as
 * separate small segments, and Nagle holds every small one back until the backend acknowledges the previous (which it
 * may delay), so a proxied put waits on acknowledgements instead of sending. Outpost's own writes are already batched
 * into large chunks, so small-segment overhead is not a concern.</li>
 * <li>Input read from the kernel in chunks of {@code readBufferBytes} ({@link BufferedSocket}) instead of Okio's 8 KiB
 * segments; 0 leaves the input unbuffered.</li>
 * <li>Output written to the kernel in chunks of up to {@code writeBufferBytes} (and on every flush) instead of Okio's
 * 8 KiB segments; 0 leaves the output unbuffered.</li>
 * </ul>
 * OkHttp asks for unconnected sockets ({@link #createSocket()}) and connects them itself; the other forms are here for
 * completeness.
 */
final class BackendSocketFactory extends SocketFactory {

    private final int readBufferBytes;
    private final int writeBufferBytes;

    BackendSocketFactory(int readBufferBytes) {
        this(readBufferBytes, 0);
    }

    BackendSocketFactory(int readBufferBytes, int writeBufferBytes) {
        this.readBufferBytes = readBufferBytes;
        this.writeBufferBytes = writeBufferBytes;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = readBufferBytes > 0 || writeBufferBytes > 0
                ? new BufferedSocket(readBufferBytes, writeBufferBytes) : new Socket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
