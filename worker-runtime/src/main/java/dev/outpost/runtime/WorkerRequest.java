package dev.outpost.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request handed to a worker's {@code fetch} handler.
 *
 * @param method    the HTTP method
 * @param url       the absolute URL
 * @param headers   the headers in wire order; names may repeat
 * @param body      the body bytes, an empty array when there is none (or when {@code bodyStream} carries it)
 * @param requestId an identifier that appears in every log line the request causes
 * @param attachment an object of the embedder's (e.g. its trace context) that binding implementations see
 *                   through {@link dev.outpost.runtime.bindings.BindingCallContext} while this request calls them;
 *                   may be null
 * @param bodyStream the body when it streams in (large or of unknown length), else null and {@code body} holds it
 */
public record WorkerRequest(String method, String url, List<Map.Entry<String, String>> headers, byte[] body,
                            String requestId, Object attachment, BodyStream bodyStream) {

    public WorkerRequest(String method, String url, List<Map.Entry<String, String>> headers, byte[] body,
                         String requestId, Object attachment) {
        this(method, url, headers, body, requestId, attachment, null);
    }

    public WorkerRequest(String method, String url, List<Map.Entry<String, String>> headers, byte[] body,
                         String requestId) {
        this(method, url, headers, body, requestId, null, null);
    }

    public WorkerRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? List.of() : headers;
        body = body == null ? new byte[0] : body;
    }
}
