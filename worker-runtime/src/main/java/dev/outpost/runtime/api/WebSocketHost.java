package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import dev.outpost.runtime.WorkerWebSocket;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;

import dev.outpost.runtime.glue.WireHeaders;
import dev.outpost.runtime.io.OutboundHttp;
import dev.outpost.runtime.io.OutboundWebSocket;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Java half of websocket.js (RT-10): the server end of a WebSocketPair whose client end the worker answered
 * with. {@code wsOpen} makes the {@link WorkerWebSocket} the response carries and holds the request open;
 * {@code wsSend}/{@code wsClose} go to the client; {@code wsReceive} is one host call per client frame, settled
 * on the isolate thread like other host I/O. The request is let go when the worker has taken the final event
 * (the client's close or a connection error), or the socket is closed with 1011 when the request ends first
 * (aborted by a limit, the isolate shut down). RT-6: {@code wsConnect} opens an outbound WebSocket (a subrequest,
 * network side in {@link OutboundWebSocket}); it is then driven by the same send/close/receive functions.
 * Loop-thread confined.
 */
public final class WebSocketHost implements HostApi {
    /** Close code for a socket whose worker failed or whose request was ended by the runtime. */
    static final int INTERNAL_ERROR = 1011;

    /**
     * One socket of the isolate. {@code release} lets the request go; an outbound socket takes it when the worker
     * starts reading it (accept()), so an outbound socket nobody listens to does not keep its request alive.
     */
    private static final class Open {
        final WorkerWebSocket socket;
        Runnable release;

        Open(WorkerWebSocket socket, Runnable release) {
            this.socket = socket;
            this.release = release;
        }

        WorkerWebSocket socket() {
            return socket;
        }
    }

    private final HostServices services;
    private final StreamHost streams;
    private final Supplier<OutboundHttp> outbound;
    private final Map<Integer, Open> sockets = new HashMap<>();
    /**
     * RT-6: outbound handshakes whose answer the worker has not taken yet, by call id: close() while CONNECTING
     * cancels one, and the request's end closes what it never took.
     */
    private final Map<Integer, OutboundWebSocket.Connect> connecting = new HashMap<>();
    /** Handles whose worker has seen the close or error event. */
    private final java.util.Set<Integer> ended = new java.util.HashSet<>();
    private int lastHandle;

    public WebSocketHost(HostServices services, StreamHost streams, Supplier<OutboundHttp> outbound) {
        this.services = services;
        this.streams = streams;
        this.outbound = outbound;
    }

    /** The socket behind {@code handle}, for the 101 response that carries it; null when unknown. */
    public WorkerWebSocket socket(int handle) {
        Open open = sockets.get(handle);
        return open == null ? null : open.socket();
    }

    /**
     * The worker took the final event: the request may end, but the socket stays reachable until then so the
     * close listener can still answer with close() (the release only posts the check, which runs after the slice).
     */
    private void finished(int handle) {
        Open open = sockets.get(handle);
        if (open != null && ended.add(handle) && open.release != null) {
            open.release.run();
        }
    }

    /**
     * A socket of the current request under a new handle. When the request ends first (a limit, the isolate shut
     * down, or it finished without reading an outbound socket) the socket is closed with 1011.
     */
    private int register(WorkerWebSocket socket, Runnable release) {
        int handle = ++lastHandle;
        Open registered = new Open(socket, release);
        sockets.put(handle, registered);
        services.onRequestEnd(() -> {
            Open ending = sockets.remove(handle);
            if (ending != null && !ended.remove(handle)) {
                socket.abort(INTERNAL_ERROR, "Internal Error");
                if (ending.release != null) {
                    ending.release.run();
                }
            }
        });
        return handle;
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("wsOpen", args -> {
                V8Runtime rt = host.runtime();
                Runnable release = services.holdRequest();
                if (release == null) {
                    return rt.createV8ValueString("A WebSocket can only be returned while handling a request.");
                }
                return rt.createV8ValueInteger(register(new WorkerWebSocket(), release));
            });
            host.function("wsConnect", args -> {
                V8Runtime rt = host.runtime();
                int callId = JsArgs.integer(args, 0, 0);
                String url = JsArgs.string(args, 1);
                String headers = JsArgs.string(args, 2);
                // RT-6/RT-13: an outbound WebSocket is a subrequest, like a fetch hop.
                String limited = services.subrequest();
                if (limited != null) {
                    return rt.createV8ValueString(limited);
                }
                String error = services.startCall(callId, () -> {
                    OutboundWebSocket.Connect connect = outbound.get().webSockets()
                            .connect(url, WireHeaders.decode(headers == null ? "" : headers));
                    connecting.put(callId, connect);
                    return connect.result();
                }, (runtime, handshake) -> {
                    connecting.remove(callId);
                    String head = handshake.status() + "\n" + (handshake.statusText() == null ? "" : handshake.statusText())
                            + "\n" + WireHeaders.encode(handshake.headers());
                    int handle = handshake.socket() != null ? register(handshake.socket(), null)
                            : streams.register(handshake.body());
                    return new V8Value[]{runtime.createV8ValueString(head), runtime.createV8ValueInteger(handle)};
                });
                if (error != null) {
                    return rt.createV8ValueString(error);
                }
                // A handshake whose answer the request never took (it ended first) must not leave a connection open.
                services.onRequestEnd(() -> {
                    OutboundWebSocket.Connect left = connecting.remove(callId);
                    if (left != null) {
                        left.abort();
                    }
                });
                return rt.createV8ValueUndefined();
            });
            host.function("wsConnectAbort", args -> {
                OutboundWebSocket.Connect connect = connecting.remove(JsArgs.integer(args, 0, 0));
                if (connect != null) {
                    connect.abort();
                }
                return host.runtime().createV8ValueUndefined();
            });
            host.function("wsSend", args -> {
                Open open = sockets.get(JsArgs.integer(args, 0, -1));
                V8Value data = JsArgs.arg(args, 1);
                if (open != null) {
                    if (data instanceof V8ValueArrayBuffer) {
                        open.socket().sendBinary(JsBytes.toBytes(data));
                    } else {
                        open.socket().sendText(JsArgs.string(args, 1));
                    }
                }
                return host.runtime().createV8ValueUndefined();
            });
            host.function("wsClose", args -> {
                Open open = sockets.get(JsArgs.integer(args, 0, -1));
                if (open != null) {
                    String reason = JsArgs.string(args, 2);
                    open.socket().close(JsArgs.integer(args, 1, -1), reason == null ? "" : reason);
                }
                return host.runtime().createV8ValueUndefined();
            });
            host.function("wsReceive", args -> {
                int handle = JsArgs.integer(args, 1, -1);
                Open open = sockets.get(handle);
                V8Runtime rt = host.runtime();
                if (open == null) {
                    return rt.createV8ValueString("This WebSocket is closed.");
                }
                if (open.release == null) {
                    // RT-6: an outbound socket the worker reads from now keeps its request alive.
                    open.release = services.holdRequest();
                }
                String error = services.startCall(JsArgs.integer(args, 0, 0), open.socket()::next, (runtime, event) -> {
                    if (event.isFinal()) {
                        finished(handle);
                    }
                    return switch (event.kind()) {
                        case TEXT -> new V8Value[]{runtime.createV8ValueString("text"), runtime.createV8ValueString(event.text())};
                        case BINARY -> new V8Value[]{runtime.createV8ValueString("binary"),
                                JsBytes.toArrayBuffer(runtime, event.bytes())};
                        case CLOSE -> new V8Value[]{runtime.createV8ValueString("close"),
                                runtime.createV8ValueString(event.code() + " " + event.text())};
                        case ERROR -> new V8Value[]{runtime.createV8ValueString("error"), runtime.createV8ValueString(event.text())};
                    };
                });
                return error == null ? rt.createV8ValueUndefined() : rt.createV8ValueString(error);
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }
}
