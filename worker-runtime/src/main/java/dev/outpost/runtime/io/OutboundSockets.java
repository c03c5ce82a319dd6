package dev.outpost.runtime.io;

import dev.outpost.runtime.FetchPolicy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.NetSocketInternal;
import io.netty.channel.socket.DuplexChannel;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The network side of {@code cloudflare:sockets} {@code connect()} (RT-6 TCP sockets): outbound TCP connections
 * on the Vert.x client shared with {@link OutboundHttp}: the host name is resolved and every address checked by the
 * same SSRF guard, the connection goes to the checked address. TLS ({@code secureTransport: "on"}) verifies the
 * host name with the fetch client's trust; {@code "starttls"} upgrades an open plain connection. Incoming bytes are
 * queued and the socket paused past {@link #HIGH_WATER} until the worker reads (backpressure).
 */
public final class OutboundSockets implements AutoCloseable {
    /** Queued incoming bytes above which the connection is paused until the worker reads. */
    static final int HIGH_WATER = 1 << 20;
    /** workerd's words for a connection that could not be made. */
    public static final String CONNECT_FAILED = "proxy request failed, cannot connect to the specified address";

    private final OutboundHttp http;
    private final Vertx vertx;
    private final NetClient plain;
    private final NetClient tls;

    OutboundSockets(OutboundHttp http, Vertx vertx, FetchPolicy config) {
        this.http = http;
        this.vertx = vertx;
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
        NetClientOptions plainOptions = new NetClientOptions().setConnectTimeout(connectMillis).setHostnameVerificationAlgorithm("HTTPS");
        NetClientOptions tlsOptions = new NetClientOptions().setConnectTimeout(connectMillis).setSsl(true)
                .setHostnameVerificationAlgorithm("HTTPS");
        if (config.trustPem() != null) {
            plainOptions.setTrustOptions(new PemTrustOptions().addCertPath(config.trustPem().toString()));
            tlsOptions.setTrustOptions(new PemTrustOptions().addCertPath(config.trustPem().toString()));
        }
        this.plain = vertx.createNetClient(plainOptions);
        this.tls = vertx.createNetClient(tlsOptions);
    }

    /** Starts a connection to {@code host:port}; {@link Connection#opened()} completes with the remote address. */
    public Connection connect(String host, int port, boolean secure) {
        Connection connection = new Connection(host);
        Context context = vertx.getOrCreateContext();
        http.resolveAllowed(host, context, (target, failure) -> {
            if (failure != null) {
                connection.fail(failure.getMessage().startsWith("Could not resolve") ? new IOException(CONNECT_FAILED) : failure);
                return;
            }
            (secure ? tls : plain).connect(SocketAddress.inetSocketAddress(port, target.getHostAddress()), host)
                    .onComplete(done -> {
                        if (done.failed()) {
                            connection.fail(new IOException(CONNECT_FAILED));
                        } else {
                            connection.attach(done.result(), host + ":" + port);
                        }
                    });
        });
        return connection;
    }

    /** One TCP connection as the worker's Socket sees it. Thread-safe: Vert.x callbacks and the isolate meet here. */
    public static final class Connection {
        private final String host;
        private final CompletableFuture<String> opened = new CompletableFuture<>();
        private final ArrayDeque<byte[]> incoming = new ArrayDeque<>();
        private NetSocket socket;
        private int queued;
        private boolean eof;
        private boolean closed;
        private IOException error;
        private CompletableFuture<byte[]> waiting;

        Connection(String host) {
            this.host = host;
        }

        /** Completes with the remote address ("host:port") when connected; fails when the connection failed. */
        public CompletionStage<String> opened() {
            return opened;
        }

        private void attach(NetSocket s, String remote) {
            synchronized (this) {
                if (closed) {
                    s.close();
                    return;
                }
                socket = s;
            }
            s.handler(this::received);
            s.endHandler(v -> finish(null));
            s.exceptionHandler(e -> finish(new IOException("Network connection lost.")));
            s.closeHandler(v -> finish(null));
            opened.complete(remote);
        }

        private void fail(IOException e) {
            finish(e);
            opened.completeExceptionally(e);
        }

        private void received(Buffer data) {
            CompletableFuture<byte[]> reader;
            synchronized (this) {
                if (waiting == null) {
                    incoming.add(data.getBytes());
                    queued += data.length();
                    if (queued > HIGH_WATER && socket != null) {
                        socket.pause();
                    }
                    return;
                }
                reader = waiting;
                waiting = null;
            }
            reader.complete(data.getBytes());
        }

        private void finish(IOException e) {
            CompletableFuture<byte[]> reader;
            synchronized (this) {
                if (eof) {
                    return;
                }
                eof = true;
                if (error == null && !closed) {
                    error = e;
                }
                reader = waiting;
                waiting = null;
            }
            if (reader != null) {
                if (e != null) {
                    reader.completeExceptionally(e);
                } else {
                    reader.complete(null);
                }
            }
        }

        /** The next chunk the peer sent, null at its end (or after close()); fails on a connection error. */
        public CompletionStage<byte[]> read() {
            synchronized (this) {
                byte[] next = incoming.poll();
                if (next != null) {
                    queued -= next.length;
                    if (queued <= HIGH_WATER / 2 && socket != null) {
                        socket.resume();
                    }
                    return CompletableFuture.completedFuture(next);
                }
                if (closed || eof) {
                    return error != null && !closed ? CompletableFuture.failedFuture(error)
                            : CompletableFuture.completedFuture(null);
                }
                if (waiting == null) {
                    waiting = new CompletableFuture<>();
                }
                if (socket != null) {
                    socket.resume();
                }
                return waiting;
            }
        }

        /** Sends {@code bytes}; completes when they are handed to the network. */
        public CompletionStage<Void> write(byte[] bytes) {
            NetSocket s;
            synchronized (this) {
                s = socket;
                if (s == null || closed || error != null) {
                    return CompletableFuture.failedFuture(error != null ? error : new IOException("Network connection lost."));
                }
            }
            return s.write(Buffer.buffer(bytes)).toCompletionStage();
        }

        /** Half-closes: sends FIN, keeps reading (the writable side was closed). */
        public void end() {
            NetSocket s;
            synchronized (this) {
                s = socket;
            }
            if (s instanceof NetSocketInternal internal
                    && internal.channelHandlerContext().channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            }
        }

        /** TLS over the open connection (startTls()), verifying the host name given to connect(). */
        public CompletionStage<Void> upgradeTls() {
            NetSocket s;
            synchronized (this) {
                s = socket;
            }
            if (s == null) {
                return CompletableFuture.failedFuture(new IOException("Network connection lost."));
            }
            return s.upgradeToSsl(host).toCompletionStage();
        }

        /** Closes both directions; pending and later reads see the end. */
        public void close() {
            NetSocket s;
            CompletableFuture<byte[]> reader;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                s = socket;
                incoming.clear();
                reader = waiting;
                waiting = null;
            }
            if (s != null) {
                s.close();
            }
            if (reader != null) {
                reader.complete(null);
            }
            opened.completeExceptionally(new IOException(CONNECT_FAILED));
        }
    }

    @Override
    public void close() {
        plain.close();
        tls.close();
    }
}
