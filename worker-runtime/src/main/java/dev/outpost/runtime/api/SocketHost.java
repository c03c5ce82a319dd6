package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.io.OutboundHttp;
import dev.outpost.runtime.io.OutboundSockets;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Java half of {@code sockets.js} ({@code cloudflare:sockets} {@code connect()}, RT-6 TCP sockets):
 * {@code tcpConnect(callId, host, port, tls)} (a subrequest; the call id becomes the socket's handle) settles
 * with the handle and remote address once connected; {@code tcpRead(callId, handle)} settles with the next chunk (undefined at the end),
 * {@code tcpWrite(callId, handle, bytes)} when the bytes are sent; {@code tcpEnd} half-closes, {@code tcpClose}
 * closes, {@code tcpStartTls(callId, handle)} upgrades. Every pending read/write is a host call, so a socket being
 * read keeps its request alive like a pending fetch; the request's end closes the sockets it opened.
 * Loop-thread confined (the connections themselves are thread-safe).
 */
public final class SocketHost implements HostApi {
    private final HostServices services;
    private final Supplier<OutboundHttp> outbound;
    private final Map<Integer, OutboundSockets.Connection> open = new HashMap<>();

    public SocketHost(HostServices services, Supplier<OutboundHttp> outbound) {
        this.services = services;
        this.outbound = outbound;
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("tcpConnect", args -> {
                V8Runtime rt = host.runtime();
                String limited = services.subrequest();
                if (limited != null) {
                    return rt.createV8ValueString(limited);
                }
                OutboundSockets.Connection connection = outbound.get().sockets()
                        .connect(JsArgs.string(args, 1), JsArgs.integer(args, 2, 0), JsArgs.bool(args, 3));
                // the call id is the socket's handle: JS knows it at once (close() before the connection opened)
                int handle = JsArgs.integer(args, 0, 0);
                String error = services.startCall(handle, connection::opened,
                        (runtime, remote) -> new V8Value[]{runtime.createV8ValueInteger(handle),
                                runtime.createV8ValueString(remote)});
                if (error != null) {
                    connection.close();
                    return rt.createV8ValueString(error);
                }
                open.put(handle, connection);
                services.onRequestEnd(() -> {
                    OutboundSockets.Connection left = open.remove(handle);
                    if (left != null) {
                        left.close();
                    }
                });
                return rt.createV8ValueUndefined();
            });
            host.function("tcpRead", args -> {
                OutboundSockets.Connection c = open.get(JsArgs.integer(args, 1, -1));
                if (c == null) {
                    return host.runtime().createV8ValueString("Network connection lost.");
                }
                String error = services.startCall(JsArgs.integer(args, 0, 0), c::read, (runtime, chunk) ->
                        new V8Value[]{chunk == null ? runtime.createV8ValueUndefined()
                                : JsBytes.toArrayBuffer(runtime, chunk), runtime.createV8ValueUndefined()});
                return error == null ? host.runtime().createV8ValueUndefined() : host.runtime().createV8ValueString(error);
            });
            host.function("tcpWrite", args -> {
                OutboundSockets.Connection c = open.get(JsArgs.integer(args, 1, -1));
                if (c == null) {
                    return host.runtime().createV8ValueString("Network connection lost.");
                }
                byte[] bytes = JsBytes.toBytes(JsArgs.arg(args, 2));
                String error = services.startCall(JsArgs.integer(args, 0, 0), () -> c.write(bytes), SocketHost::nothing);
                return error == null ? host.runtime().createV8ValueUndefined() : host.runtime().createV8ValueString(error);
            });
            host.function("tcpStartTls", args -> {
                OutboundSockets.Connection c = open.get(JsArgs.integer(args, 1, -1));
                if (c == null) {
                    return host.runtime().createV8ValueString("Network connection lost.");
                }
                String error = services.startCall(JsArgs.integer(args, 0, 0), c::upgradeTls, SocketHost::nothing);
                return error == null ? host.runtime().createV8ValueUndefined() : host.runtime().createV8ValueString(error);
            });
            host.function("tcpEnd", args -> {
                OutboundSockets.Connection c = open.get(JsArgs.integer(args, 0, -1));
                if (c != null) {
                    c.end();
                }
                return host.runtime().createV8ValueUndefined();
            });
            host.function("tcpClose", args -> {
                OutboundSockets.Connection c = open.remove(JsArgs.integer(args, 0, -1));
                if (c != null) {
                    c.close();
                }
                return host.runtime().createV8ValueUndefined();
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static V8Value[] nothing(V8Runtime runtime, Void ignored) throws JavetException {
        return new V8Value[]{runtime.createV8ValueUndefined(), runtime.createV8ValueUndefined()};
    }
}
