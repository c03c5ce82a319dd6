package dev.outpost.runtime.io;

import dev.outpost.runtime.BodyStream;
import dev.outpost.runtime.FetchPolicy;
import dev.outpost.runtime.WorkerWebSocket;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The network side of outbound WebSockets (RT-6): {@code fetch()} with {@code Upgrade: websocket} and
 * {@code new WebSocket(url)}. One client handshake over the Vert.x WebSocket client, to an address the SSRF guard
 * allowed (resolved and checked like a fetch hop, connected by address so DNS rebinding cannot redirect it). A
 * 101 yields a {@link WorkerWebSocket} bridged to the connection (its backpressure pauses the socket); any other
 * answer comes back as an ordinary response, as workerd does.
 */
public final class OutboundWebSocket implements AutoCloseable {
    /** As workerd's default (kj's suggested maximum message size). */
    static final int MAX_MESSAGE = 1 << 20;
    /** Handshake headers the client computes itself; the worker's own values would break the handshake. */
    private static final Set<String> DROPPED = Set.of("host", "connection", "upgrade", "keep-alive", "transfer-encoding",
            "content-length", "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions",
            "sec-websocket-protocol", "te", "trailer", "proxy-connection");

    /** The origin's answer: a 101 with {@code socket}, or any other status with {@code body}. */
    public record Handshake(int status, String statusText, List<Map.Entry<String, String>> headers,
                            WorkerWebSocket socket, BodyStream body) {
    }

    /** A handshake in progress that the worker can cancel (close() while CONNECTING). */
    public static final class Connect {
        private final CompletableFuture<Handshake> result = new CompletableFuture<>();
        private volatile boolean aborted;
        private volatile WebSocket connected;

        public CompletionStage<Handshake> result() {
            return result;
        }

        /**
         * Drops the handshake, or the connection it made when nobody took it; the result fails as a lost
         * connection when it is still pending.
         */
        public void abort() {
            aborted = true;
            WebSocket ws = connected;
            if (ws != null) {
                ws.close();
            }
            result.completeExceptionally(new IOException("Network connection lost."));
        }
    }

    private final OutboundHttp http;
    private final Vertx vertx;
    private final WebSocketClient client;

    OutboundWebSocket(OutboundHttp http, Vertx vertx, FetchPolicy config) {
        this.http = http;
        this.vertx = vertx;
        WebSocketClientOptions options = new WebSocketClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .setMaxFrameSize(MAX_MESSAGE).setMaxMessageSize(MAX_MESSAGE).setVerifyHost(true)
                .setTryUsePerMessageCompression(false).setMaxConnections(1024);
        if (config.trustPem() != null) {
            options.setTrustOptions(new PemTrustOptions().addCertPath(config.trustPem().toString()));
        }
        this.client = vertx.createWebSocketClient(options);
    }

    /**
     * Starts the handshake to {@code url} (http or https; fetch.js and websocket.js map ws/wss). The worker's
     * headers go along, its {@code Sec-WebSocket-Protocol} as the offered sub-protocols.
     */
    public Connect connect(String url, List<Map.Entry<String, String>> headers) {
        Connect connect = new Connect();
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            connect.result.completeExceptionally(new IllegalArgumentException("Invalid URL: " + url));
            return connect;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            connect.result.completeExceptionally(new IllegalArgumentException("Fetch API cannot load: " + url));
            return connect;
        }
        boolean secure = scheme.equals("https");
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        Context context = vertx.getOrCreateContext();
        http.resolveAllowed(host, context, (target, failure) -> {
            if (connect.aborted) {
                return;
            }
            if (failure != null) {
                connect.result.completeExceptionally(failure);
                return;
            }
            handshake(connect, uri, secure, host, port, target, headers);
        });
        return connect;
    }

    private void handshake(Connect connect, URI uri, boolean secure, String host, int port, InetAddress target,
                           List<Map.Entry<String, String>> headers) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setSsl(secure)
                .setURI(path).setAllowOriginHeader(false)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target, port)));
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("sec-websocket-protocol")) {
                // Offered as the worker wrote it (the client checks the origin's choice against each entry).
                if (!h.getValue().isBlank()) {
                    options.addSubProtocol(h.getValue().trim());
                }
            } else if (!DROPPED.contains(name)) {
                options.addHeader(h.getKey(), h.getValue());
            }
        }
        client.connect(options).onComplete(done -> {
            if (done.succeeded()) {
                WebSocket ws = done.result();
                connect.connected = ws;
                if (connect.aborted) {
                    ws.close();
                    return;
                }
                List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
                ws.headers().forEach(h -> responseHeaders.add(Map.entry(h.getKey().toLowerCase(Locale.ROOT), h.getValue())));
                WorkerWebSocket socket = bridge(ws);
                if (!connect.result.complete(new Handshake(101, "Switching Protocols", responseHeaders, socket, null))) {
                    ws.close();
                }
            } else if (done.cause() instanceof UpgradeRejectedException rejected) {
                // Not a 101: the origin's ordinary answer becomes the response (workerd does the same).
                List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
                if (rejected.getHeaders() != null) {
                    rejected.getHeaders().forEach(h -> responseHeaders.add(
                            Map.entry(h.getKey().toLowerCase(Locale.ROOT), h.getValue())));
                }
                Buffer body = rejected.getBody();
                connect.result.complete(new Handshake(rejected.getStatus(), null, responseHeaders, null,
                        new BytesBody(body == null ? new byte[0] : body.getBytes())));
            } else {
                connect.result.completeExceptionally(OutboundHttp.networkError(done.cause()));
            }
        });
    }

    /** The connection's frames go into the worker's socket; what the worker sends goes out on the connection. */
    private static WorkerWebSocket bridge(WebSocket ws) {
        WorkerWebSocket socket = new WorkerWebSocket();
        ws.textMessageHandler(socket::receiveText);
        ws.binaryMessageHandler(b -> socket.receiveBinary(b.getBytes()));
        ws.exceptionHandler(e -> socket.receiveError(OutboundHttp.networkError(e).getMessage()));
        ws.closeHandler(v -> {
            Short code = ws.closeStatusCode();
            if (code == null) {
                // as workerd reports a connection that ended without the close handshake
                socket.receiveClose(WorkerWebSocket.ABNORMAL_CLOSURE, "WebSocket disconnected without sending Close frame.");
            } else {
                socket.receiveClose(code, ws.closeReason() == null ? "" : ws.closeReason());
            }
        });
        socket.attach(new WorkerWebSocket.Peer() {
            @Override
            public void text(String text) {
                ws.writeTextMessage(text);
            }

            @Override
            public void binary(byte[] bytes) {
                ws.writeBinaryMessage(Buffer.buffer(bytes));
            }

            @Override
            public void close(int code, String reason) {
                if (code < 0) {
                    ws.close();
                } else {
                    ws.close((short) code, reason);
                }
            }

            @Override
            public void pause() {
                ws.pause();
            }

            @Override
            public void resume() {
                ws.resume();
            }
        });
        return socket;
    }

    /** The buffered body of a refused handshake. */
    private static final class BytesBody implements BodyStream {
        private final long length;
        private byte[] bytes;

        BytesBody(byte[] bytes) {
            this.length = bytes.length;
            this.bytes = bytes.length == 0 ? null : bytes;
        }

        @Override
        public synchronized CompletionStage<byte[]> read() {
            byte[] chunk = bytes;
            bytes = null;
            return CompletableFuture.completedFuture(chunk);
        }

        @Override
        public synchronized void cancel(String reason) {
            bytes = null;
        }

        @Override
        public long length() {
            return length;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
