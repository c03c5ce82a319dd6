package dev.outpost.runtime.io;

import dev.outpost.runtime.BodyStream;
import dev.outpost.runtime.FetchPolicy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import org.jboss.logging.Logger;

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
 * The network side of outbound {@code fetch()} (RT-8): one hop (no redirects: fetch.js follows them, each
 * hop a subrequest) over the Vert.x HTTP client, HTTP/1.1 for http and HTTP/2 or HTTP/1.1 by ALPN for https.
 * The host name is resolved here, every address is checked by the {@link AddressPolicy}, and the connection
 * goes to the checked address ({@code RequestOptions.setServer}) while Host, SNI and certificate checks use
 * the name, so a DNS answer that changes between check and connect (rebinding) cannot redirect it.
 * Bodies stream both ways.
 */
public final class OutboundHttp implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("dev.outpost.runtime.fetch");
    /** Hop-by-hop or connection-owned headers the client sets itself. */
    private static final Set<String> DROPPED = Set.of("host", "connection", "keep-alive", "transfer-encoding",
            "content-length", "upgrade", "proxy-connection", "te", "trailer");

    /**
     * One hop's request. {@code body} is null, or {@code bodyStream} carries it; {@code streamLength} is the
     * stream's length when JS knows it in advance (a FixedLengthStream, a Blob's stream), else -1.
     */
    public record Request(String method, String url, List<Map.Entry<String, String>> headers, byte[] body,
                          BodyStream bodyStream, long streamLength) {
        public Request(String method, String url, List<Map.Entry<String, String>> headers, byte[] body,
                       BodyStream bodyStream) {
            this(method, url, headers, body, bodyStream, -1);
        }

        /** The body's length when known before it is sent (it then goes out with Content-Length), else -1. */
        long knownLength() {
            if (bodyStream == null) {
                return body == null ? 0 : body.length;
            }
            return streamLength >= 0 ? streamLength : bodyStream.length();
        }
    }

    /** One hop's response; the body streams (an empty stream when there is none). */
    public record Response(int status, String statusText, List<Map.Entry<String, String>> headers, BodyStream body) {
    }

    /** A started hop that can be aborted (AbortSignal). */
    public static final class Call {
        private final CompletableFuture<Response> result = new CompletableFuture<>();
        private volatile HttpClientRequest request;
        private volatile boolean aborted;

        public CompletionStage<Response> result() {
            return result;
        }

        /** Aborts the hop: the connection is reset and the result fails (if it is still pending). */
        public void abort() {
            aborted = true;
            HttpClientRequest r = request;
            if (r != null) {
                r.reset();
            }
            result.completeExceptionally(new IOException("The operation was aborted"));
        }
    }

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final AddressPolicy policy;
    private final HttpClient http1;
    private final HttpClient https;
    private final FetchPolicy config;
    private volatile OutboundWebSocket webSockets;
    private volatile OutboundSockets sockets;

    public OutboundHttp(Vertx vertx, FetchPolicy config) {
        this.ownsVertx = vertx == null;
        this.vertx = vertx != null ? vertx : Vertx.vertx();
        this.policy = new AddressPolicy(config.allowedCidrs(), config.deniedCidrs());
        this.config = config;
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
        HttpClientOptions plain = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout(connectMillis).setDecompressionSupported(false).setKeepAlive(true)
                .setMaxPoolSize(64).setTryUseCompression(false);
        HttpClientOptions tls = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true)
                .setSsl(true).setVerifyHost(true).setConnectTimeout(connectMillis).setDecompressionSupported(false)
                .setKeepAlive(true).setMaxPoolSize(64).setHttp2MaxPoolSize(8).setTryUseCompression(false);
        if (config.trustPem() != null) {
            tls.setTrustOptions(new PemTrustOptions().addCertPath(config.trustPem().toString()));
        }
        this.http1 = this.vertx.createHttpClient(plain);
        this.https = this.vertx.createHttpClient(tls);
    }

    /** Starts one hop; the result fails with a message fit for the worker (it becomes the JS Error). */
    public Call send(Request request) {
        Call call = new Call();
        URI uri;
        try {
            uri = new URI(request.url());
        } catch (Exception e) {
            call.result.completeExceptionally(new IllegalArgumentException("Invalid URL: " + request.url()));
            return call;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            call.result.completeExceptionally(new IllegalArgumentException("Fetch API cannot load: " + request.url()));
            return call;
        }
        boolean secure = scheme.equals("https");
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        Context context = vertx.getOrCreateContext();
        resolveAllowed(host, context, (target, failure) -> {
            if (call.aborted) {
                cancelBody(request, "aborted");
            } else if (failure != null) {
                fail(call, request, failure);
            } else {
                connect(call, request, uri, secure, host, port, target, context);
            }
        });
        return call;
    }

    /**
     * Resolves {@code host} off the event loop and checks every address it resolves to against the SSRF guard;
     * {@code then} runs on {@code context} with the first address, or with the failure a worker should see.
     */
    void resolveAllowed(String host, Context context, java.util.function.BiConsumer<InetAddress, IOException> then) {
        context.runOnContext(v -> vertx.<InetAddress[]>executeBlocking(() -> InetAddress.getAllByName(host), false)
                .onComplete(resolved -> {
                    if (resolved.failed()) {
                        then.accept(null, new IOException("Could not resolve host \"" + host + "\"."));
                        return;
                    }
                    for (InetAddress address : resolved.result()) {
                        String refused = policy.refusal(address);
                        if (refused != null) {
                            String message = "Fetch to " + host + " refused: it resolves to " + address.getHostAddress()
                                    + ", in a range workers may not reach (" + refused + "). An operator can allow it "
                                    + "with outpost.gateway.fetch.allowed-cidrs.";
                            LOG.warn(message);
                            then.accept(null, new IOException(message));
                            return;
                        }
                    }
                    then.accept(resolved.result()[0], null);
                }));
    }

    /** RT-6: outbound WebSockets share this client's Vert.x, SSRF guard and TLS trust. */
    public OutboundWebSocket webSockets() {
        OutboundWebSocket ws = webSockets;
        if (ws == null) {
            synchronized (this) {
                if (webSockets == null) {
                    webSockets = new OutboundWebSocket(this, vertx, config);
                }
                ws = webSockets;
            }
        }
        return ws;
    }

    /** RT-6: cloudflare:sockets TCP connections share this client's Vert.x, SSRF guard and TLS trust. */
    public OutboundSockets sockets() {
        OutboundSockets tcp = sockets;
        if (tcp == null) {
            synchronized (this) {
                if (sockets == null) {
                    sockets = new OutboundSockets(this, vertx, config);
                }
                tcp = sockets;
            }
        }
        return tcp;
    }

    private void connect(Call call, Request request, URI uri, boolean secure, String host, int port,
                         InetAddress target, Context context) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(request.method()))
                .setHost(host).setPort(port).setSsl(secure).setURI(path)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target, port)));
        for (Map.Entry<String, String> h : request.headers()) {
            if (!DROPPED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                options.addHeader(h.getKey(), h.getValue());
            }
        }
        (secure ? https : http1).request(options).onComplete(created -> {
            if (created.failed()) {
                fail(call, request, networkError(created.cause()));
                return;
            }
            HttpClientRequest out = created.result();
            call.request = out;
            if (call.aborted) {
                out.reset();
                cancelBody(request, "aborted");
                return;
            }
            out.exceptionHandler(e -> fail(call, request, networkError(e)));
            out.response().onComplete(answered -> {
                if (answered.failed()) {
                    fail(call, request, networkError(answered.cause()));
                    return;
                }
                var response = answered.result();
                List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers().size());
                response.headers().forEach(h -> headers.add(Map.entry(h.getKey().toLowerCase(Locale.ROOT), h.getValue())));
                String length = response.getHeader("content-length");
                ReadStreamBody body = new ReadStreamBody(response, context, 0, parseLength(length), null, out::reset);
                if (!call.result.complete(new Response(response.statusCode(), response.statusMessage(), headers, body))) {
                    body.cancel("aborted");
                }
            });
            // As workerd: a body whose length is known goes out with Content-Length (0 for a method other than
            // GET/HEAD without one), only a stream of unknown length chunked.
            long length = request.knownLength();
            if (length > 0 || length == 0 && !request.method().equals("GET") && !request.method().equals("HEAD")) {
                out.putHeader("content-length", Long.toString(length));
            }
            if (request.bodyStream() == null) {
                if (length > 0) {
                    out.end(Buffer.buffer(request.body()));
                } else {
                    out.end();
                }
                return;
            }
            if (length < 0 && out.version() != HttpVersion.HTTP_2) {
                out.setChunked(true);
            }
            pump(out, request.bodyStream(), context);
        });
    }

    /** Streams a request body out, a chunk at a time as the connection takes it. */
    private void pump(HttpClientRequest out, BodyStream body, Context context) {
        body.read().whenComplete((chunk, failure) -> context.runOnContext(v -> {
            if (failure != null) {
                out.reset();
                return;
            }
            if (chunk == null) {
                out.end();
                return;
            }
            out.write(Buffer.buffer(chunk));
            if (out.writeQueueFull()) {
                // A drain handler fires on every drain: it must run once, or two reads would overlap.
                out.drainHandler(d -> {
                    out.drainHandler(null);
                    pump(out, body, context);
                });
            } else {
                pump(out, body, context);
            }
        }));
    }

    private static void fail(Call call, Request request, Throwable error) {
        cancelBody(request, "fetch failed");
        call.result.completeExceptionally(error);
    }

    private static void cancelBody(Request request, String reason) {
        if (request.bodyStream() != null) {
            request.bodyStream().cancel(reason);
        }
    }

    /** RT-15: what a worker sees when the connection broke. */
    static Throwable networkError(Throwable cause) {
        if (cause instanceof java.net.ConnectException || cause instanceof io.netty.channel.ConnectTimeoutException) {
            LOG.debugf(cause, "outbound connect failed");
            return new IOException("Network connection lost.", cause);
        }
        if (cause instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("Fetch to")) {
            return io;
        }
        LOG.debugf(cause, "outbound fetch failed");
        return new IOException("Network connection lost.", cause);
    }

    private static long parseLength(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        http1.close();
        https.close();
        OutboundWebSocket webSocketClient = webSockets;
        if (webSocketClient != null) {
            webSocketClient.close();
        }
        OutboundSockets tcp = sockets;
        if (tcp != null) {
            tcp.close();
        }
        if (ownsVertx) {
            vertx.close();
        }
    }
}
