package dev.outpost.it.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * The origin the corpus's outbound fetch() calls reach (same server for workerd and Outpost), on loopback.
 * Deterministic answers only: what a script returns must not depend on the runtime that fetched.
 * <ul>
 * <li>{@code /echo}: JSON {method, path, headers (x-* and content-type), body}</li>
 * <li>{@code /framing}: JSON {method, contentLength, transferEncoding, received}: how the body was framed</li>
 * <li>{@code /status/N}: status N, body {@code status N}</li>
 * <li>{@code /redirect/N}: 302 to {@code /redirect/N-1}, {@code /redirect/0} → {@code /echo}</li>
 * <li>{@code /slow}: answers after 3 s</li>
 * <li>{@code /chunks}: five text chunks written one by one (chunked transfer)</li>
 * <li>{@code /big?n=}: n bytes of a repeating a-z pattern</li>
 * <li>{@code /gzip}: a text body sent with {@code Content-Encoding: gzip} (java.util.zip's gzip bytes, OS byte 0)</li>
 * </ul>
 */
public final class OriginServer implements AutoCloseable {
    public static final int PORT = 31500;
    public static final String BASE_URL = "http://127.0.0.1:" + PORT;

    private final HttpServer server;

    private OriginServer(HttpServer server) {
        this.server = server;
    }

    public static OriginServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", OriginServer::handle);
        server.start();
        return new OriginServer(server);
    }

    private static void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            byte[] requestBody = ex.getRequestBody().readAllBytes();
            if (path.equals("/echo")) {
                Map<String, String> headers = new TreeMap<>();
                ex.getRequestHeaders().forEach((k, v) -> {
                    String name = k.toLowerCase();
                    if (name.startsWith("x-") || name.equals("content-type")) {
                        headers.put(name, String.join(", ", v));
                    }
                });
                StringBuilder h = new StringBuilder("{");
                headers.forEach((k, v) -> h.append(h.length() > 1 ? "," : "").append(json(k)).append(':').append(json(v)));
                h.append('}');
                String body = "{\"method\":" + json(ex.getRequestMethod()) + ",\"path\":" + json(uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())) + ",\"headers\":" + h
                        + ",\"body\":" + json(new String(requestBody, StandardCharsets.UTF_8)) + "}";
                send(ex, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/framing")) {
                // RT-8: how the request body was framed on the wire (Content-Length or chunked) and its length
                String body = "{\"method\":" + json(ex.getRequestMethod()) + ",\"contentLength\":"
                        + jsonOrNull(ex.getRequestHeaders().getFirst("Content-Length")) + ",\"transferEncoding\":"
                        + jsonOrNull(ex.getRequestHeaders().getFirst("Transfer-Encoding")) + ",\"received\":"
                        + requestBody.length + "}";
                send(ex, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/status/")) {
                int status = Integer.parseInt(path.substring("/status/".length()));
                send(ex, status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/redirect/")) {
                int n = Integer.parseInt(path.substring("/redirect/".length()));
                ex.getResponseHeaders().add("Location", n <= 0 ? "/echo?redirected=1" : "/redirect/" + (n - 1));
                send(ex, 302, "text/plain", "moved".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/slow")) {
                Thread.sleep(3000);
                send(ex, 200, "text/plain", "slow".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/chunks")) {
                ex.getResponseHeaders().add("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                for (int i = 0; i < 5; i++) {
                    out.write(("chunk" + i + ";").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(20);
                }
            } else if (path.equals("/big")) {
                String q = uri.getQuery();
                int n = Integer.parseInt(q.substring(q.indexOf('=') + 1));
                byte[] big = new byte[n];
                for (int i = 0; i < n; i++) {
                    big[i] = (byte) ('a' + i % 26);
                }
                send(ex, 200, "application/octet-stream", big);
            } else if (path.equals("/gzip")) {
                // RT-8: a compressed answer, as origins send them (fetch() decodes it, a proxied one is re-encoded)
                ByteArrayOutputStream gz = new ByteArrayOutputStream();
                try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                    out.write("compressed by the origin, compressed by the origin".getBytes(StandardCharsets.UTF_8));
                }
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
                send(ex, 200, "text/plain; charset=utf-8", gz.toByteArray());
            } else {
                send(ex, 404, "text/plain", "no such path".getBytes(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.getResponseHeaders().add("X-Origin", "conformance");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    private static String jsonOrNull(String s) {
        return s == null ? "null" : json(s);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
