package dev.outpost.it.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One corpus script and what to send it. The script's leading comment lines carry the case:
 * <pre>
 * // RT-6 Response.json(): status, content type and body        (first line: checklist id, then a description)
 * // request: {"method":"POST","path":"/a","headers":{"content-type":"text/plain"},"body":"hi"}   (repeatable)
 * // vars: {"NAME":"text", "CONFIG":{"a":1}}                     (strings become plain_text, the rest json)
 * // compare-headers: location, x-custom                        (beyond status, content-type and body)
 * // compare: status                                             (only the status: e.g. error pages)
 * // request: {"method":"POST","body":"@big"}                   (body @big: 3 MB of a repeating pattern)
 * // syntax: service-worker                                      (addEventListener('fetch'); bindings are globals)
 * // compatibility-date: 2021-11-02                              (RT-12: default {@link Workerd#COMPATIBILITY_DATE})
 * // compatibility-flags: no_global_navigator, nodejs_compat     (RT-12: default none)
 * </pre>
 * Every case also gets the var {@code ORIGIN}: the base URL of the test's origin HTTP server (outbound fetch), and
 * {@code WS_ORIGIN}: the {@code ws://} base URL of its WebSocket origin (RT-6 outbound WebSockets), and
 * {@code TCP_ORIGIN}: {@code host:port} of its TCP echo origin (RT-6 {@code cloudflare:sockets}).
 * Without a request line the case sends one {@code GET /}.
 */
public record ConformanceCase(String name, String checklistId, String description, Path script,
                              List<CaseRequest> requests, Map<String, JsonNode> vars, List<String> compareHeaders,
                              boolean compareBody, boolean serviceWorker, String compatibilityDate,
                              List<String> compatibilityFlags) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param body request body, null for none */
    public record CaseRequest(String method, String path, Map<String, String> headers, String body) {
    }

    /** The worker name on both runtimes: {@code conf-} + the file name without {@code .js}. */
    public String workerName() {
        return "conf-" + name;
    }

    public static ConformanceCase load(Path script) {
        String file = script.getFileName().toString();
        String name = file.substring(0, file.length() - ".js".length()).toLowerCase(Locale.ROOT);
        List<String> header = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(script)) {
                if (!line.startsWith("//")) {
                    break;
                }
                header.add(line.substring(2).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header.isEmpty() || !header.get(0).matches("[A-Z0-9]+-\\d+ .+")) {
            throw new IllegalArgumentException(file + ": the first line must be '// <checklist id> <description>'");
        }
        String first = header.get(0);
        String id = first.substring(0, first.indexOf(' '));
        String description = first.substring(first.indexOf(' ') + 1);
        List<CaseRequest> requests = new ArrayList<>();
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        boolean body = true;
        boolean serviceWorker = false;
        String compatibilityDate = Workerd.COMPATIBILITY_DATE;
        List<String> compatibilityFlags = new ArrayList<>();
        try {
            for (String line : header.subList(1, header.size())) {
                int colon = line.indexOf(':');
                String key = colon < 0 ? "" : line.substring(0, colon).trim();
                String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                switch (key) {
                    case "request" -> requests.add(request(JSON.readTree(value)));
                    case "vars" -> JSON.readTree(value).fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue()));
                    case "compare-headers" -> {
                        for (String h : value.split(",")) {
                            headers.add(h.trim().toLowerCase(Locale.ROOT));
                        }
                    }
                    case "compare" -> body = !value.equals("status");
                    case "syntax" -> serviceWorker = value.equals("service-worker");
                    case "compatibility-date" -> compatibilityDate = value;
                    case "compatibility-flags" -> {
                        for (String f : value.split(",")) {
                            if (!f.isBlank()) {
                                compatibilityFlags.add(f.trim());
                            }
                        }
                    }
                    default -> {
                        // free text continuing the description
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": bad JSON in the header: " + e.getMessage(), e);
        }
        vars.putIfAbsent("ORIGIN", com.fasterxml.jackson.databind.node.TextNode.valueOf(OriginServer.BASE_URL));
        vars.putIfAbsent("WS_ORIGIN", com.fasterxml.jackson.databind.node.TextNode.valueOf(WebSocketOrigin.BASE_URL));
        vars.putIfAbsent("TCP_ORIGIN", com.fasterxml.jackson.databind.node.TextNode.valueOf(TcpOrigin.ADDRESS));
        if (requests.isEmpty()) {
            requests.add(new CaseRequest("GET", "/", Map.of(), null));
        }
        return new ConformanceCase(name, id, description, script, List.copyOf(requests), vars, List.copyOf(headers), body,
                serviceWorker, compatibilityDate, List.copyOf(compatibilityFlags));
    }

    private static CaseRequest request(JsonNode r) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new CaseRequest(r.path("method").asText("GET"), r.path("path").asText("/"), headers,
                r.hasNonNull("body") ? r.get("body").asText() : null);
    }

    @Override
    public String toString() {
        return checklistId + " " + name;
    }
}
