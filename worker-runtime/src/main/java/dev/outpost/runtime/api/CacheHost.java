package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueObject;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.WireHeaders;
import dev.outpost.runtime.io.CacheAnswer;
import dev.outpost.runtime.io.CachePolicy;
import dev.outpost.runtime.io.ResponseCache;

import java.util.List;
import java.util.Map;

/**
 * Java half of cache.js (checklist RT-6). cache.js has done the argument checks and buffered the body; this puts,
 * matches and deletes in the engine's shared {@link ResponseCache}. The scope (the account) is fixed here, never
 * passed from JS, so a worker cannot name another account's entries. The store is in memory, so the calls are
 * synchronous.
 */
public final class CacheHost implements HostApi {
    private final ResponseCache cache;
    private final String scope;

    public CacheHost(ResponseCache cache, String scope) {
        this.cache = cache;
        this.scope = scope;
    }

    @Override
    public void register(HostObject host) {
        try {
            // cachePut(name|null, url, status, statusText, headersWire, body) -> stored?
            host.function("cachePut", args -> {
                String key = ResponseCache.key(scope, JsArgs.string(args, 0), JsArgs.string(args, 1));
                int status = JsArgs.integer(args, 2, 200);
                String statusText = JsArgs.string(args, 3);
                List<Map.Entry<String, String>> headers = WireHeaders.decode(JsArgs.string(args, 4));
                byte[] body = JsBytes.toBytes(JsArgs.arg(args, 5));
                long now = cache.now();
                CachePolicy.Decision decision = CachePolicy.decide(status, headers, now);
                boolean stored = false;
                if (decision.store()) {
                    stored = cache.put(key, new ResponseCache.Entry(status, statusText == null ? "" : statusText,
                            decision.headers(), body, now, now + decision.ttlSeconds() * 1000L));
                } else {
                    // A put that is not kept still replaces what was there, as an origin answer would.
                    cache.delete(key);
                }
                return host.runtime().createV8ValueBoolean(stored);
            });
            // cacheMatch(name|null, url, requestHeadersWire) -> {status, statusText, headers, body} | null
            host.function("cacheMatch", args -> {
                String key = ResponseCache.key(scope, JsArgs.string(args, 0), JsArgs.string(args, 1));
                ResponseCache.Entry entry = cache.get(key);
                if (entry == null) {
                    return host.runtime().createV8ValueNull();
                }
                CacheAnswer answer = CacheAnswer.of(entry, WireHeaders.decode(JsArgs.string(args, 2)), cache.now());
                V8ValueObject out = host.runtime().createV8ValueObject();
                out.set("status", answer.status());
                out.set("statusText", answer.statusText());
                out.set("headers", WireHeaders.encode(answer.headers()));
                try (V8ValueArrayBuffer body = JsBytes.toArrayBuffer(host.runtime(), answer.body())) {
                    out.set("body", body);
                }
                return out;
            });
            // cacheDelete(name|null, url) -> whether a live entry was removed
            host.function("cacheDelete", args -> host.runtime().createV8ValueBoolean(
                    cache.delete(ResponseCache.key(scope, JsArgs.string(args, 0), JsArgs.string(args, 1)))));
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

}
