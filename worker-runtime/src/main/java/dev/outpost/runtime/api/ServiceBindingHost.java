package dev.outpost.runtime.api;

import static dev.outpost.runtime.api.HostCallAnswers.started;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.values.V8Value;
import dev.outpost.runtime.RpcCall;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.bindings.ServiceBinding;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.WireHeaders;

import java.util.List;

/**
 * Java half of service.js (SVC-2, SVC-3): a service binding's fetch() and RPC calls become
 * {@link ServiceBinding} calls. Bindings are addressed by their index in the environment.
 */
public final class ServiceBindingHost implements HostApi {
    private final HostServices services;
    private final List<ServiceBinding> bindings;
    private final StreamHost streams;

    public ServiceBindingHost(HostServices services, List<ServiceBinding> bindings, StreamHost streams) {
        this.services = services;
        this.bindings = List.copyOf(bindings);
        this.streams = streams;
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("serviceFetch", args -> {
                ServiceBinding binding = binding(args);
                WorkerRequest request = new WorkerRequest(JsArgs.string(args, 2), JsArgs.string(args, 3),
                        WireHeaders.decode(JsArgs.string(args, 4)), JsBytes.toBytes(JsArgs.arg(args, 5)), null);
                return started(host, services.startCall(JsArgs.integer(args, 0, 0), () -> binding.fetch(request),
                        (rt, response) -> HostCallAnswers.response(rt, response, streams)));
            });
            host.function("serviceCall", args -> {
                ServiceBinding binding = binding(args);
                RpcCall call = new RpcCall(JsArgs.string(args, 2), JsArgs.string(args, 3), null, null);
                return started(host, services.startCall(JsArgs.integer(args, 0, 0), () -> binding.call(call),
                        (rt, outcome) -> new V8Value[]{rt.createV8ValueString(outcome), rt.createV8ValueUndefined()}));
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    private ServiceBinding binding(V8Value[] args) {
        int index = JsArgs.integer(args, 1, -1);
        if (index < 0 || index >= bindings.size()) {
            throw new IllegalArgumentException("no service binding " + index);
        }
        return bindings.get(index);
    }
}
