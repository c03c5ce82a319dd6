package dev.outpost.gateway.ingress;

import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.io.ErrorResponses;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The platform's error pages (RT-14), as Cloudflare's edge renders them: an HTML page for browsers, JSON for
 * {@code Accept: application/json}, and {@code error code: NNNN} as plain text otherwise (what curl sees).
 * Only the runtime's own error responses are replaced; a worker's 500 passes unchanged.
 */
public final class ErrorPages {
    private record Kind(int status, String statusText, String title) {
    }

    private static final Map<Integer, Kind> KINDS = Map.of(
            1101, new Kind(500, "Internal Server Error", "Worker threw exception"),
            1102, new Kind(503, "Service Unavailable", "Worker exceeded resource limits"),
            1019, new Kind(508, "Loop Detected", "Worker hit loop limit"));

    private ErrorPages() {
    }

    /** The page for a platform error response, or the response itself when it is the worker's own. */
    public static WorkerResponse render(WorkerResponse response, String accept, String rayId, String host) {
        int code = ErrorResponses.cloudflareErrorCode(response);
        return code == 0 ? response : page(code, accept, rayId, host);
    }

    /** 1019: a worker called itself or others more than 16 times in a chain (service bindings). */
    public static WorkerResponse loopLimit(String accept) {
        return page(1019, accept, null, null);
    }

    static WorkerResponse page(int code, String accept, String rayId, String host) {
        Kind kind = KINDS.get(code);
        String type;
        String body;
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (wanted.contains("application/json")) {
            type = "application/json";
            body = "{\"title\":\"" + kind.title() + "\",\"status\":" + kind.status() + ",\"error_code\":" + code
                    + ",\"error_name\":\"" + kind.title().toLowerCase(Locale.ROOT).replace(' ', '_') + "\""
                    + (rayId == null ? "" : ",\"ray_id\":\"" + rayId + "\"") + "}";
        } else if (wanted.contains("text/html")) {
            type = "text/html; charset=UTF-8";
            body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + kind.title()
                    + (host == null ? "" : " | " + escape(host)) + "</title></head>\n<body><h1><span>Error</span> <span>"
                    + code + "</span></h1><h2>" + kind.title() + "</h2>\n<p>" + explanation(code) + "</p>\n"
                    + (rayId == null ? "" : "<p>Ray ID: <strong>" + escape(rayId) + "</strong></p>\n") + "</body></html>\n";
        } else {
            type = "text/plain; charset=UTF-8";
            body = "error code: " + code;
        }
        return new WorkerResponse(kind.status(), kind.statusText(), List.of(Map.entry("content-type", type)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String explanation(int code) {
        return switch (code) {
            case 1102 -> "The worker exceeded its CPU time or memory limit while handling this request.";
            case 1019 -> "The worker called itself or other workers too many times in one chain of requests.";
            default -> "The worker threw a JavaScript exception or did not produce a response.";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
