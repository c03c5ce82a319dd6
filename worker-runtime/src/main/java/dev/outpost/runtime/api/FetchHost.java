package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueNumber;
import dev.outpost.runtime.BodyStream;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.WireHeaders;
import dev.outpost.runtime.io.OutboundHttp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Java half of fetch.js (RT-8): one host call per hop. Each hop is a subrequest (RT-13); the request body
 * arrives buffered (string/ArrayBuffer) or as a stream handle, the response comes back as its head (status,
 * reason, headers) and a Java body stream JS reads through {@link StreamHost}.
 */
public final class FetchHost implements HostApi {
    private final HostServices services;
    private final StreamHost streams;
    private final Supplier<OutboundHttp> outbound;
    private final Map<Integer, OutboundHttp.Call> calls = new ConcurrentHashMap<>();

    public FetchHost(HostServices services, StreamHost streams, Supplier<OutboundHttp> outbound) {
        this.services = services;
        this.streams = streams;
        this.outbound = outbound;
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("fetchStart", args -> {
                int callId = JsArgs.integer(args, 0, 0);
                String method = JsArgs.string(args, 1);
                String url = JsArgs.string(args, 2);
                String headers = JsArgs.string(args, 3);
                V8Value bodyArg = JsArgs.arg(args, 4);
                String limited = services.subrequest();
                if (limited != null) {
                    return host.runtime().createV8ValueString(limited);
                }
                byte[] body = null;
                BodyStream bodyStream = null;
                if (bodyArg instanceof V8ValueNumber<?> n) {
                    bodyStream = services.exportedStream(((Number) n.getValue()).intValue());
                } else if (!JsArgs.isNullish(bodyArg)) {
                    body = JsBytes.toBytes(bodyArg);
                }
                OutboundHttp.Request request = new OutboundHttp.Request(method, url,
                        WireHeaders.decode(headers == null ? "" : headers), body, bodyStream,
                        JsArgs.longValue(args, 5, -1));
                String error = services.startCall(callId, () -> {
                    OutboundHttp.Call call = outbound.get().send(request);
                    calls.put(callId, call);
                    return call.result().whenComplete((r, e) -> calls.remove(callId));
                }, (rt, response) -> {
                    int handle = streams.register(response.body());
                    String head = response.status() + "\n" + (response.statusText() == null ? "" : response.statusText())
                            + "\n" + WireHeaders.encode(response.headers());
                    return new V8Value[]{rt.createV8ValueString(head), rt.createV8ValueInteger(handle)};
                });
                return error == null ? host.runtime().createV8ValueUndefined() : host.runtime().createV8ValueString(error);
            });
            host.function("fetchAbort", args -> {
                OutboundHttp.Call call = calls.remove(JsArgs.integer(args, 0, 0));
                if (call != null) {
                    call.abort();
                }
                return host.runtime().createV8ValueUndefined();
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }
}
