package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import dev.outpost.runtime.BodyStream;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;

import java.util.HashMap;
import java.util.Map;

/**
 * Java half of hoststreams.js: bodies that Java produces (an incoming request body, the response body of an
 * outbound fetch) read by JS one chunk per {@code streamRead} call. JS only pulls when its ReadableStream is
 * read, so an unread body leaves the producer (a paused socket) waiting. Loop-thread confined.
 */
public final class StreamHost implements HostApi {
    private final HostServices services;
    private final Map<Integer, BodyStream> streams = new HashMap<>();
    private int lastHandle;

    public StreamHost(HostServices services) {
        this.services = services;
    }

    /** Makes {@code stream} readable from JS under the returned handle until it ends or the request ends. */
    public int register(BodyStream stream) {
        int handle = ++lastHandle;
        streams.put(handle, stream);
        services.onRequestEnd(() -> drop(handle, "request ended"));
        return handle;
    }

    /** Hands a stream over to Java (a response that passes a request body through); JS cannot read it any more. */
    public BodyStream take(int handle) {
        return streams.remove(handle);
    }

    private void drop(int handle, String reason) {
        BodyStream stream = streams.remove(handle);
        if (stream != null) {
            stream.cancel(reason);
        }
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("streamRead", args -> {
                BodyStream stream = streams.get(JsArgs.integer(args, 1, -1));
                int handle = JsArgs.integer(args, 1, -1);
                V8Runtime rt = host.runtime();
                if (stream == null) {
                    return rt.createV8ValueString("This ReadableStream is no longer readable.");
                }
                String error = services.startCall(JsArgs.integer(args, 0, 0), stream::read, (runtime, chunk) -> {
                    if (chunk == null) {
                        streams.remove(handle);
                        return new V8Value[]{runtime.createV8ValueNull(), runtime.createV8ValueUndefined()};
                    }
                    return new V8Value[]{JsBytes.toArrayBuffer(runtime, chunk), runtime.createV8ValueUndefined()};
                });
                return error == null ? rt.createV8ValueUndefined() : rt.createV8ValueString(error);
            });
            host.function("streamCancel", args -> {
                drop(JsArgs.integer(args, 0, -1), JsArgs.string(args, 1));
                return host.runtime().createV8ValueUndefined();
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }
}
