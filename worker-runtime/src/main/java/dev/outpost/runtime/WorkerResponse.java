package dev.outpost.runtime;

import java.util.List;
import java.util.Map;

/**
 * The response a worker produced (or the platform's error response in its place).
 *
 * @param status     the HTTP status
 * @param statusText the reason phrase, may be empty
 * @param headers    the headers; names are lower case, {@code set-cookie} may repeat
 * @param body       the body bytes, never null (empty when {@code bodyStream} carries the body)
 * @param bodyStream the body when the worker streams it (a ReadableStream body), else null; the embedder must
 *                   read it to its end or cancel it, or the request stays open in the isolate
 * @param webSocket  RT-10: with status 101, the WebSocket the worker answered with; the embedder upgrades the
 *                   connection and {@link WorkerWebSocket#attach attaches} it, or closes it when it cannot
 */
public record WorkerResponse(int status, String statusText, List<Map.Entry<String, String>> headers, byte[] body,
                             BodyStream bodyStream, WorkerWebSocket webSocket) {
    public WorkerResponse(int status, String statusText, List<Map.Entry<String, String>> headers, byte[] body) {
        this(status, statusText, headers, body, null, null);
    }

    public WorkerResponse(int status, String statusText, List<Map.Entry<String, String>> headers, byte[] body,
                          BodyStream bodyStream) {
        this(status, statusText, headers, body, bodyStream, null);
    }

    public WorkerResponse {
        statusText = statusText == null ? "" : statusText;
        headers = headers == null ? List.of() : headers;
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
