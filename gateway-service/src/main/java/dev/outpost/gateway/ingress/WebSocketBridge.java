package dev.outpost.gateway.ingress;

import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.WorkerWebSocket;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import org.jboss.logging.Logger;

/**
 * RT-10: the client's side of a worker's WebSocket. When a worker answers an upgrade request with
 * {@code 101} and a {@code webSocket}, the ingress upgrades the client's connection and this bridge moves the
 * frames: client frames go into the {@link WorkerWebSocket} (the isolate takes them one at a time on its own
 * thread; when it falls behind, the client is paused), and what the worker sends or closes is written here on
 * the connection's Vert.x context. A client that closes or drops gives the worker its close event.
 */
final class WebSocketBridge implements WorkerWebSocket.Peer {
    private static final Logger LOG = Logger.getLogger(WebSocketBridge.class);
    /** workerd's message when a 101 answers a request that did not ask for a WebSocket. */
    static final String NOT_AN_UPGRADE = "Worker tried to return a WebSocket in a response to a request which did "
            + "not request a WebSocket.";

    private final ServerWebSocket ws;
    private final Context context;

    private WebSocketBridge(ServerWebSocket ws, Context context) {
        this.ws = ws;
        this.context = context;
    }

    /** True when the client asked to upgrade to a WebSocket (the only requests a 101 may answer). */
    static boolean isUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader("upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    /** Upgrades the client's connection and bridges it to the worker's socket. Runs on the request's context. */
    static void upgrade(HttpServerRequest request, WorkerResponse response, String requestId) {
        WorkerWebSocket socket = response.webSocket();
        Context context = Vertx.currentContext();
        io.vertx.core.Future<ServerWebSocket> upgrading;
        try {
            upgrading = request.toWebSocket();
        } catch (IllegalStateException e) {
            upgrading = io.vertx.core.Future.failedFuture(e);
        }
        upgrading.onComplete(upgraded -> {
            if (upgraded.failed()) {
                LOG.debugf(upgraded.cause(), "upgrade of request %s failed", requestId);
                socket.receiveError("The WebSocket upgrade failed: " + upgraded.cause().getMessage());
                if (!request.response().ended()) {
                    request.response().setStatusCode(500).end();
                }
                return;
            }
            ServerWebSocket ws = upgraded.result();
            WebSocketBridge bridge = new WebSocketBridge(ws, context);
            ws.textMessageHandler(socket::receiveText);
            ws.binaryMessageHandler(data -> socket.receiveBinary(data.getBytes()));
            ws.exceptionHandler(failure -> {
                LOG.debugf(failure, "WebSocket of request %s failed", requestId);
                socket.receiveError(failure.getMessage() == null ? "WebSocket connection failed." : failure.getMessage());
            });
            ws.closeHandler(closed -> {
                Short code = ws.closeStatusCode();
                // No close frame (the connection dropped) is 1006, a close frame without a code 1005, as in browsers.
                socket.receiveClose(code == null ? (ws.closeReason() == null ? 1006 : 1005) : code,
                        ws.closeReason() == null ? "" : ws.closeReason());
            });
            socket.attach(bridge);
        });
    }

    @Override
    public void text(String text) {
        context.runOnContext(v -> {
            if (!ws.isClosed()) {
                ws.writeTextMessage(text);
            }
        });
    }

    @Override
    public void binary(byte[] bytes) {
        context.runOnContext(v -> {
            if (!ws.isClosed()) {
                ws.writeBinaryMessage(Buffer.buffer(bytes));
            }
        });
    }

    @Override
    public void close(int code, String reason) {
        context.runOnContext(v -> {
            if (ws.isClosed()) {
                return;
            }
            if (code < 0) {
                ws.close();
            } else {
                ws.close((short) code, reason);
            }
        });
    }

    @Override
    public void pause() {
        context.runOnContext(v -> ws.pause());
    }

    @Override
    public void resume() {
        context.runOnContext(v -> ws.resume());
    }
}
