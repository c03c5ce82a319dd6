package dev.outpost.localstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test double of the gateway's control-plane API (Cloudflare envelope) on a real socket: KV namespaces (paged) and
 * script upload. Records what it received.
 */
public final class FakeControlPlane implements AutoCloseable {
    public record Received(String method, String path, String query, Map<String, String> headers, byte[] body) {
    }

    static final Pattern NAMESPACES = Pattern.compile("/client/v4/accounts/([^/]+)/storage/kv/namespaces");
    static final Pattern SCRIPT = Pattern.compile("/client/v4/accounts/([^/]+)/workers/scripts/([^/]+)");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final String account;
    private final String token;
    /** title to id, in list order */
    public final Map<String, String> namespaces = Collections.synchronizedMap(new LinkedHashMap<>());
    public final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    /** when set, the upload fails with these errors */
    public volatile List<String> uploadErrors = List.of();

    public FakeControlPlane(int port, String account, String token) throws IOException {
        this.account = account;
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiBase() {
        return "http://127.0.0.1:" + port() + "/client/v4";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            received.add(new Received(ex.getRequestMethod(), path, query, headers, body));
            if (!("Bearer " + token).equals(headers.get("authorization"))) {
                reply(ex, 401, fail(10000, "Authentication error"));
                return;
            }
            Matcher ns = NAMESPACES.matcher(path);
            Matcher script = SCRIPT.matcher(path);
            if (ns.matches() && ns.group(1).equals(account)) {
                if (ex.getRequestMethod().equals("GET")) {
                    reply(ex, 200, listNamespaces(query));
                } else {
                    String title = json.readTree(body).path("title").asText();
                    String id = "id-" + title;
                    namespaces.put(title, id);
                    ObjectNode ok = ok();
                    ok.putObject("result").put("id", id).put("title", title);
                    reply(ex, 200, ok);
                }
            } else if (script.matches() && script.group(1).equals(account) && ex.getRequestMethod().equals("PUT")) {
                if (!uploadErrors.isEmpty()) {
                    ObjectNode f = json.createObjectNode().put("success", false);
                    ArrayNode errs = f.putArray("errors");
                    uploadErrors.forEach(m -> errs.addObject().put("code", 10021).put("message", m));
                    reply(ex, 400, f);
                    return;
                }
                ObjectNode ok = ok();
                ok.putObject("result").put("id", script.group(2)).put("etag", "etag-1");
                reply(ex, 200, ok);
            } else {
                reply(ex, 404, fail(10007, "not found: " + ex.getRequestMethod() + " " + path));
            }
        }
    }

    private ObjectNode listNamespaces(String query) {
        int page = 1;
        int perPage = 20;
        for (String kv : query == null ? new String[0] : query.split("&")) {
            String[] p = kv.split("=", 2);
            if (p[0].equals("page")) {
                page = Integer.parseInt(p[1]);
            } else if (p[0].equals("per_page")) {
                perPage = Integer.parseInt(p[1]);
            }
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(namespaces.entrySet());
        int from = Math.min((page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        ObjectNode ok = ok();
        ArrayNode result = ok.putArray("result");
        for (var e : all.subList(from, to)) {
            result.addObject().put("id", e.getValue()).put("title", e.getKey());
        }
        ok.putObject("result_info").put("page", page).put("per_page", perPage).put("count", to - from)
                .put("total_count", all.size()).put("total_pages", (all.size() + perPage - 1) / perPage);
        return ok;
    }

    private ObjectNode ok() {
        ObjectNode n = json.createObjectNode().put("success", true);
        n.putArray("errors");
        n.putArray("messages");
        return n;
    }

    private ObjectNode fail(int code, String message) {
        ObjectNode n = json.createObjectNode().put("success", false);
        n.putArray("errors").addObject().put("code", code).put("message", message);
        n.putArray("messages");
        n.putNull("result");
        return n;
    }

    private void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    public List<Received> requests(String method) {
        synchronized (received) {
            return received.stream().filter(r -> r.method().equals(method)).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
