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
 */
public record WorkerResponse(int status, String statusText, List<Map.Entry<String, String>> headers, byte[] body,
                             BodyStream bodyStream) {
    public WorkerResponse(int status, String statusText, List<Map.Entry<String, String>> headers, byte[] body) {
        this(status, statusText, headers, body, null);
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
