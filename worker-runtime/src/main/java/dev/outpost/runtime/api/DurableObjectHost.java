package dev.outpost.runtime.api;

import static dev.outpost.runtime.api.HostCallAnswers.started;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.values.V8Value;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.bindings.DurableObjectClient;
import dev.outpost.runtime.bindings.DurableObjectStorage;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.WireHeaders;

import java.util.ArrayList;
import java.util.List;

/**
 * Java half of durable-objects.js and durable-object-host.js: stubs' fetch() and RPC calls become
 * {@link DurableObjectClient} calls (DO-5; namespaces addressed by their index among the environment's Durable
 * Object bindings), and {@code ctx.storage} operations become {@link DurableObjectStorage} calls (DO-8, DO-9).
 */
public final class DurableObjectHost implements HostApi {
    private static final String NO_STORAGE = "{\"ok\":false,\"error\":{\"name\":\"Error\",\"message\":"
            + "\"This isolate hosts no Durable Objects, so it has no storage.\"}}";

    private final HostServices services;
    private final List<DurableObjectClient> clients;
    private final DurableObjectStorage storage;
    private final StreamHost streams;

    /** @param clients one per Durable Object binding in order, null where nothing serves that binding */
    public DurableObjectHost(HostServices services, List<DurableObjectClient> clients, DurableObjectStorage storage,
                             StreamHost streams) {
        this.services = services;
        this.clients = new ArrayList<>(clients);
        this.storage = storage;
        this.streams = streams;
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("doFetch", args -> {
                DurableObjectClient client = client(args);
                String objectId = JsArgs.string(args, 2);
                String name = JsArgs.string(args, 3);
                WorkerRequest request = new WorkerRequest(JsArgs.string(args, 4), JsArgs.string(args, 5),
                        WireHeaders.decode(JsArgs.string(args, 6)), JsBytes.toBytes(JsArgs.arg(args, 7)), null);
                return started(host, services.startCall(JsArgs.integer(args, 0, 0),
                        () -> client.fetch(objectId, name, request),
                        (rt, response) -> HostCallAnswers.response(rt, response, streams)));
            });
            host.function("doCall", args -> {
                DurableObjectClient client = client(args);
                String objectId = JsArgs.string(args, 2);
                String name = JsArgs.string(args, 3);
                String member = JsArgs.string(args, 4);
                String arguments = JsArgs.string(args, 5);
                return started(host, services.startCall(JsArgs.integer(args, 0, 0),
                        () -> client.call(objectId, name, member, arguments),
                        (rt, outcome) -> new V8Value[]{rt.createV8ValueString(outcome), rt.createV8ValueUndefined()}));
            });
            // Synchronous, like workerd's SQLite-backed storage: the object's events are serialised anyway.
            host.function("doStorage", args -> host.runtime().createV8ValueString(storage == null ? NO_STORAGE
                    : storage.execute(JsArgs.string(args, 0), JsArgs.string(args, 1))));
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    private DurableObjectClient client(V8Value[] args) {
        int index = JsArgs.integer(args, 1, -1);
        if (index < 0 || index >= clients.size() || clients.get(index) == null) {
            throw new IllegalArgumentException("no Durable Object client " + index);
        }
        return clients.get(index);
    }
}
