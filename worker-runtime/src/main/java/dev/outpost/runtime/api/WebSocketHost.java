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

import java.util.HashMap;
import java.util.Map;

/**
 * Java half of websocket.js (RT-10): the server end of a WebSocketPair whose client end the worker answered
 * with. {@code wsOpen} makes the {@link WorkerWebSocket} the response carries and holds the request open;
 * {@code wsSend}/{@code wsClose} go to the client; {@code wsReceive} is one host call per client frame, settled
 * on the isolate thread like other host I/O. The request is let go when the worker has taken the final event
 * (the client's close or a connection error), or the socket is closed with 1011 when the request ends first
 * (aborted by a limit, the isolate shut down). Loop-thread confined.
 */
public final class WebSocketHost implements HostApi {
    /** Close code for a socket whose worker failed or whose request was ended by the runtime. */
    static final int INTERNAL_ERROR = 1011;

    private record Open(WorkerWebSocket socket, Runnable release) {
    }

    private final HostServices services;
    private final Map<Integer, Open> sockets = new HashMap<>();
    /** Handles whose worker has seen the close or error event. */
    private final java.util.Set<Integer> ended = new java.util.HashSet<>();
    private int lastHandle;

    public WebSocketHost(HostServices services) {
        this.services = services;
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
        if (open != null && ended.add(handle)) {
            open.release().run();
        }
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
                int handle = ++lastHandle;
                WorkerWebSocket socket = new WorkerWebSocket();
                sockets.put(handle, new Open(socket, release));
                services.onRequestEnd(() -> {
                    Open ending = sockets.remove(handle);
                    if (ending != null && !ended.remove(handle)) {
                        // The request ended first (a limit, the isolate shut down): the client is closed.
                        socket.abort(INTERNAL_ERROR, "Internal Error");
                        ending.release().run();
                    }
                });
                return rt.createV8ValueInteger(handle);
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
