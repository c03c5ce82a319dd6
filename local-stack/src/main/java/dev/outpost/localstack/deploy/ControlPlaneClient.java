package dev.outpost.localstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls {@code outpost deploy} makes to the gateway's Cloudflare-shaped control-plane API
 * ({@code <base>/accounts/{account}/...}, Bearer token, {success, errors, result, result_info} envelope).
 */
public final class ControlPlaneClient {
    static final int PAGE_SIZE = 100;

    private final String apiBase;
    private final String accountId;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json;

    /** @param apiBase e.g. http://127.0.0.1:8080/client/v4 */
    public ControlPlaneClient(String apiBase, String accountId, String token, ObjectMapper json) {
        this(apiBase, accountId, token, json, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    ControlPlaneClient(String apiBase, String accountId, String token, ObjectMapper json, HttpClient http) {
        this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.accountId = accountId;
        this.token = token;
        this.json = json;
        this.http = http;
    }

    /** The id of the KV namespace with this title, created when there is none (KV namespaces API, paged by 100). */
    public String ensureKvNamespace(String title) {
        String path = accountPath() + "/storage/kv/namespaces";
        for (int page = 1; ; page++) {
            JsonNode env = send(request(path + "?per_page=" + PAGE_SIZE + "&page=" + page).GET().build());
            JsonNode result = env.path("result");
            for (JsonNode ns : result) {
                if (title.equals(ns.path("title").asText(null))) {
                    return ns.path("id").asText();
                }
            }
            JsonNode info = env.path("result_info");
            int totalPages = info.path("total_pages").asInt(0);
            boolean more = totalPages > 0 ? page < totalPages : result.size() >= PAGE_SIZE;
            if (!more || result.isEmpty()) {
                break;
            }
        }
        ObjectNode body = json.createObjectNode().put("title", title);
        JsonNode created = send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
        String id = created.path("result").path("id").asText("");
        if (id.isEmpty()) {
            throw new ControlPlaneException(0, List.of("creating KV namespace '" + title + "' returned no id"));
        }
        return id;
    }

    /** PUT {@code /accounts/{a}/workers/scripts/{name}} with the multipart upload; returns the envelope's result. */
    public JsonNode uploadScript(String name, WorkerBundle bundle, ObjectNode metadata) {
        MultipartForm form = new MultipartForm();
        form.part("metadata", null, "application/json", metadata.toString().getBytes(StandardCharsets.UTF_8));
        for (WorkerModule m : bundle.modules()) {
            form.part(m.name(), m.name(), m.contentType(), m.content());
        }
        HttpRequest req = request(accountPath() + "/workers/scripts/" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .header("Content-Type", form.contentType())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
                .build();
        return send(req).path("result");
    }

    private String accountPath() {
        return "/accounts/" + URLEncoder.encode(accountId, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    /** Sends and unwraps the envelope; anything but 2xx with success=true becomes a ControlPlaneException. */
    private JsonNode send(HttpRequest req) {
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new ControlPlaneException(0, List.of("cannot reach the control-plane API at " + apiBase
                    + " - is the local stack up? (bin/outpost up)"));
        } catch (IOException e) {
            throw new ControlPlaneException(0, List.of(req.method() + " " + req.uri() + " failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneException(0, List.of("interrupted"));
        }
        JsonNode env;
        try {
            env = json.readTree(resp.body());
        } catch (IOException e) {
            env = null;
        }
        boolean ok = resp.statusCode() / 100 == 2 && env != null && env.path("success").asBoolean(false);
        if (ok) {
            return env;
        }
        List<String> messages = new ArrayList<>();
        if (env != null) {
            for (JsonNode err : env.path("errors")) {
                String msg = err.path("message").asText("");
                if (!msg.isEmpty()) {
                    messages.add(err.has("code") ? msg + " [code " + err.path("code").asText() + "]" : msg);
                }
            }
        }
        if (messages.isEmpty()) {
            String body = resp.body() == null ? "" : resp.body().strip();
            messages.add(req.method() + " " + req.uri().getPath() + " answered HTTP " + resp.statusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body)));
        }
        throw new ControlPlaneException(resp.statusCode(), messages);
    }
}
