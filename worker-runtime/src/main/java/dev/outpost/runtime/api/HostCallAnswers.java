package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.JsonText;
import dev.outpost.runtime.glue.WireHeaders;

/** What the binding hosts hand back to JS for a started host call and for a fetch() answered by another worker. */
final class HostCallAnswers {
    private HostCallAnswers() {
    }

    /** A host call's synchronous return: undefined once started, else the error text JS throws. */
    static V8Value started(HostObject host, String error) throws JavetException {
        return error == null ? host.runtime().createV8ValueUndefined() : host.runtime().createV8ValueString(error);
    }

    /**
     * A response from a service binding or a Durable Object: its head as JSON, and its body as bytes or, when it
     * streams, as a stream handle the caller's JS pulls.
     */
    static V8Value[] response(V8Runtime rt, WorkerResponse response, StreamHost streams) throws JavetException {
        return new V8Value[]{rt.createV8ValueString(head(response)),
                response.bodyStream() != null
                        ? rt.createV8ValueInteger(streams.register(response.bodyStream()))
                        : JsBytes.toArrayBuffer(rt, response.body())};
    }

    private static String head(WorkerResponse response) {
        StringBuilder sb = new StringBuilder("{\"status\":").append(response.status()).append(",\"statusText\":");
        JsonText.quote(sb, response.statusText()).append(",\"headers\":");
        return JsonText.quote(sb, WireHeaders.encode(response.headers())).append('}').toString();
    }
}
