package dev.outpost.gateway.ingress;

import dev.outpost.runtime.BodyStream;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.jboss.logging.Logger;

/**
 * Writes a streamed worker response body to the client one chunk at a time: the next chunk is asked for
 * only when the previous one is written and the socket's write queue has room, so a slow client slows the
 * worker (or the upload it passes through) instead of filling the heap. A client that goes away cancels
 * the stream; a stream that fails after the head went out resets the connection (the client sees a
 * truncated body, as on Cloudflare).
 */
final class ResponsePump {
    private static final Logger LOG = Logger.getLogger(ResponsePump.class);

    private final HttpServerResponse out;
    private final BodyStream body;
    private final String requestId;
    private final Context context;
    private volatile boolean closed;

    ResponsePump(HttpServerResponse out, BodyStream body, String requestId) {
        this.out = out;
        this.body = body;
        this.requestId = requestId;
        this.context = Vertx.currentContext();
    }

    void start() {
        out.closeHandler(v -> {
            if (!out.ended()) {
                closed = true;
                body.cancel("client disconnected");
            }
        });
        next();
    }

    private void next() {
        body.read().whenComplete((chunk, failure) -> context.runOnContext(v -> {
            if (closed) {
                return;
            }
            if (failure != null) {
                LOG.warnf("response body of request %s failed: %s", requestId, failure.getMessage());
                out.reset();
                return;
            }
            if (chunk == null) {
                out.end();
                return;
            }
            out.write(Buffer.buffer(chunk));
            if (out.writeQueueFull()) {
                // A drain handler fires on every drain: it must run once, or two reads would overlap.
                out.drainHandler(d -> {
                    out.drainHandler(null);
                    next();
                });
            } else {
                next();
            }
        }));
    }
}
