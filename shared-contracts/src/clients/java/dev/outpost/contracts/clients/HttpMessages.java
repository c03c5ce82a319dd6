package dev.outpost.contracts.clients;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.common.v1.Header;
import dev.outpost.contracts.common.v1.HttpRequest;
import dev.outpost.contracts.common.v1.HttpResponse;
import dev.outpost.runtime.BodyStream;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import java.io.ByteArrayOutputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The worker runtime's requests and responses as the {@code outpost.common.v1} HTTP messages that carry them
 * between services (Durable Object calls, worker dispatch of service bindings), bodies whole.
 */
public final class HttpMessages {
    private HttpMessages() {
    }

    /** The request with {@code body} (the request's own bytes when its body does not stream). */
    public static HttpRequest request(WorkerRequest request, byte[] body) {
        HttpRequest.Builder http = HttpRequest.newBuilder().setMethod(request.method()).setUrl(request.url())
                .setBody(ByteString.copyFrom(body));
        for (Map.Entry<String, String> h : request.headers()) {
            http.addHeaders(Header.newBuilder().setName(h.getKey()).setValue(h.getValue()));
        }
        return http.build();
    }

    public static WorkerRequest request(HttpRequest http, byte[] body, String requestId, Object attachment) {
        return new WorkerRequest(http.getMethod(), http.getUrl(), headers(http.getHeadersList()), body, requestId,
                attachment);
    }

    /** The response with {@code body} (read to its end, see {@link #body(WorkerResponse)}). */
    public static HttpResponse response(WorkerResponse response, byte[] body) {
        HttpResponse.Builder head = HttpResponse.newBuilder().setStatus(response.status())
                .setStatusText(response.statusText() == null ? "" : response.statusText())
                .setBody(ByteString.copyFrom(body));
        for (Map.Entry<String, String> h : response.headers()) {
            head.addHeaders(Header.newBuilder().setName(h.getKey()).setValue(h.getValue()));
        }
        return head.build();
    }

    public static WorkerResponse response(HttpResponse head, byte[] body) {
        return new WorkerResponse(head.getStatus(), head.getStatusText(), headers(head.getHeadersList()), body);
    }

    /** The whole body of a response: its bytes, then its stream (if any) read to the end. */
    public static CompletableFuture<byte[]> body(WorkerResponse response) {
        return whole(response.body(), response.bodyStream());
    }

    /** The whole body of a request: its bytes, then its stream (if any) read to the end. */
    public static CompletableFuture<byte[]> body(WorkerRequest request) {
        return whole(request.body(), request.bodyStream());
    }

    private static CompletableFuture<byte[]> whole(byte[] bytes, BodyStream stream) {
        if (stream == null) {
            return CompletableFuture.completedFuture(bytes == null ? new byte[0] : bytes);
        }
        ByteArrayOutputStream into = new ByteArrayOutputStream();
        if (bytes != null) {
            into.writeBytes(bytes);
        }
        return drain(stream, into).thenApply(ignored -> into.toByteArray());
    }

    private static CompletableFuture<Void> drain(BodyStream stream, ByteArrayOutputStream into) {
        return stream.read().toCompletableFuture().thenCompose(chunk -> {
            if (chunk == null) {
                return CompletableFuture.completedFuture(null);
            }
            into.writeBytes(chunk);
            return drain(stream, into);
        });
    }

    private static List<Map.Entry<String, String>> headers(List<Header> list) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(list.size());
        for (Header h : list) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
        }
        return headers;
    }
}
