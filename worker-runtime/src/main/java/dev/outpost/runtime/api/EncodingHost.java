package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;

import java.nio.charset.StandardCharsets;

/** Java half of encoding.js: UTF-8 of long strings, where Java's codec beats a JS loop. */
public final class EncodingHost implements HostApi {

    @Override
    public void register(HostObject host) {
        try {
            host.function("utf8Encode", args -> {
                String s = JsArgs.string(args, 0);
                return JsBytes.toArrayBuffer(host.runtime(), s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8));
            });
            host.function("utf8Decode", args -> {
                V8Value v = JsArgs.arg(args, 0);
                String s = v instanceof V8ValueArrayBuffer buffer ? JsBytes.decodeUtf8(buffer) : "";
                return host.runtime().createV8ValueString(s);
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }
}
