package dev.outpost.runtime.api;

import static dev.outpost.runtime.api.HostCallAnswers.started;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueArray;
import dev.outpost.runtime.bindings.KvEntry;
import dev.outpost.runtime.bindings.KvKey;
import dev.outpost.runtime.bindings.KvListPage;
import dev.outpost.runtime.bindings.KvNamespaceBinding;
import dev.outpost.runtime.bindings.KvPutOptions;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.JsonText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Java half of kv.js (checklist KV-2..KV-7): turns host calls into {@link KvNamespaceBinding} calls and their
 * results into JS values. Namespaces are addressed by their index in the environment.
 */
public final class KvHost implements HostApi {
    private final HostServices services;
    private final List<KvNamespaceBinding> namespaces;

    public KvHost(HostServices services, List<KvNamespaceBinding> namespaces) {
        this.services = services;
        this.namespaces = List.copyOf(namespaces);
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("kvGet", args -> {
                KvNamespaceBinding ns = namespace(args);
                String key = JsArgs.string(args, 2);
                int cacheTtl = JsArgs.integer(args, 3, 60);
                boolean asText = JsArgs.bool(args, 4);
                // a near-cache hit is answered in place (KV-9: the hot-key path of a worker)
                return services.startBindingCallOrAnswer(JsArgs.integer(args, 0, 0), () -> ns.get(key, cacheTtl),
                        (rt, entry) -> encodeEntry(rt, entry, asText));
            });
            host.function("kvGetMany", args -> {
                // KV-3/KV-4: kv.js has checked the count (1..100) and the type (text/json); keys arrive as an array
                KvNamespaceBinding ns = namespace(args);
                List<String> keys = stringArray(JsArgs.arg(args, 2));
                int cacheTtl = JsArgs.integer(args, 3, 60);
                return services.startBindingCallOrAnswer(JsArgs.integer(args, 0, 0), () -> ns.getMany(keys, cacheTtl),
                        (rt, entries) -> new V8Value[]{rt.createV8ValueString(manyJson(entries)),
                                rt.createV8ValueUndefined()});
            });
            host.function("kvPut", args -> {
                KvNamespaceBinding ns = namespace(args);
                String key = JsArgs.string(args, 2);
                byte[] value = JsBytes.toBytes(JsArgs.arg(args, 3));
                KvPutOptions options = new KvPutOptions(JsArgs.longValue(args, 4, 0), JsArgs.longValue(args, 5, 0),
                        JsArgs.string(args, 6));
                return started(host, services.startBindingCall(JsArgs.integer(args, 0, 0), () -> ns.put(key, value, options),
                        KvHost::nothing));
            });
            host.function("kvDelete", args -> {
                KvNamespaceBinding ns = namespace(args);
                String key = JsArgs.string(args, 2);
                return started(host, services.startBindingCall(JsArgs.integer(args, 0, 0), () -> ns.delete(key), KvHost::nothing));
            });
            host.function("kvList", args -> {
                KvNamespaceBinding ns = namespace(args);
                String prefix = JsArgs.string(args, 2);
                int limit = JsArgs.integer(args, 3, 1000);
                String cursor = JsArgs.string(args, 4);
                return started(host, services.startBindingCall(JsArgs.integer(args, 0, 0), () -> ns.list(prefix, limit, cursor),
                        (rt, page) -> new V8Value[]{rt.createV8ValueString(listJson(page)), rt.createV8ValueUndefined()}));
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> stringArray(V8Value value) throws JavetException {
        if (!(value instanceof V8ValueArray array)) {
            throw new IllegalArgumentException("keys must be an array");
        }
        int length = array.getLength();
        List<String> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(array.getString(i));
        }
        return out;
    }

    /**
     * A bulk result as one JSON text {@code [[value|null, metadata|null], ...]} in key order: values are text
     * (bulk get allows only text/json), metadata is the stored JSON. One crossing, one JSON.parse.
     */
    static String manyJson(List<KvEntry> entries) {
        StringBuilder sb = new StringBuilder(16 + entries.size() * 32).append('[');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            KvEntry entry = entries.get(i);
            if (entry == null) {
                sb.append("[null,null]");
                continue;
            }
            sb.append('[');
            JsonText.quote(sb, new String(entry.value() == null ? new byte[0] : entry.value(), StandardCharsets.UTF_8));
            sb.append(',').append(entry.metadataJson() == null ? "null" : entry.metadataJson()).append(']');
        }
        return sb.append(']').toString();
    }

    private KvNamespaceBinding namespace(V8Value[] args) {
        int index = JsArgs.integer(args, 1, -1);
        if (index < 0 || index >= namespaces.size()) {
            throw new IllegalArgumentException("unknown KV namespace index " + index);
        }
        return namespaces.get(index);
    }

    private static V8Value[] nothing(V8Runtime rt, Object ignored) {
        return new V8Value[]{rt.createV8ValueUndefined(), rt.createV8ValueUndefined()};
    }

    private static V8Value[] encodeEntry(V8Runtime rt, KvEntry entry, boolean asText) throws JavetException {
        if (entry == null) {
            return new V8Value[]{rt.createV8ValueNull(), rt.createV8ValueNull()};
        }
        byte[] value = entry.value() == null ? new byte[0] : entry.value();
        V8Value a = asText ? rt.createV8ValueString(new String(value, StandardCharsets.UTF_8)) : JsBytes.toArrayBuffer(rt, value);
        V8Value b = entry.metadataJson() == null ? rt.createV8ValueNull() : rt.createV8ValueString(entry.metadataJson());
        return new V8Value[]{a, b};
    }

    /** One JSON text for a whole page: one crossing, parsed by JSON.parse on the JS side. */
    static String listJson(KvListPage page) {
        StringBuilder sb = new StringBuilder(64 + page.keys().size() * 48);
        sb.append("{\"keys\":[");
        boolean first = true;
        for (KvKey key : page.keys()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"name\":");
            JsonText.quote(sb, key.name());
            if (key.expiration() > 0) {
                sb.append(",\"expiration\":").append(key.expiration());
            }
            if (key.metadataJson() != null) {
                sb.append(",\"metadata\":").append(key.metadataJson());
            }
            sb.append('}');
        }
        sb.append("],\"list_complete\":").append(page.listComplete());
        if (!page.listComplete() && page.cursor() != null) {
            sb.append(",\"cursor\":");
            JsonText.quote(sb, page.cursor());
        }
        return sb.append('}').toString();
    }
}
