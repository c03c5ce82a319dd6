package dev.outpost.gateway.ingress;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.Map;

/** RT-13 request limits checked before a request reaches a worker, and whether it carries a body at all. */
final class RequestLimits {
    private RequestLimits() {
    }

    /** Null when within the limits, else the message of the 414/431 answer (414 messages start with "URI"). */
    static String check(HttpServerRequest request, int maxUrlBytes, int maxHeaderBytes) {
        if (request.uri().length() > maxUrlBytes) {
            return "URI Too Long: the request URL exceeds the limit of " + maxUrlBytes + " bytes.";
        }
        long size = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            size += h.getKey().length() + h.getValue().length() + 4;
        }
        if (size > maxHeaderBytes) {
            return "Request Header Fields Too Large: the request headers exceed the limit of " + maxHeaderBytes + " bytes.";
        }
        return null;
    }

    /**
     * HTTP/1.x has a body only with a Content-Length or Transfer-Encoding (RFC 9112 6.3); an HTTP/2 request
     * has none when its headers ended the stream.
     */
    static boolean hasBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return !request.isEnded();
        }
        String length = request.getHeader("content-length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader("transfer-encoding") != null;
    }
}
