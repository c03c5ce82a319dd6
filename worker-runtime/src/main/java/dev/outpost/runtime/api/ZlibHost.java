package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.values.V8Value;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Java half of {@code node/zlib.js} (RT-6 {@code node:zlib}) and of the streaming CompressionStream: zlib streams
 * ({@link ZlibStream}) held per isolate by id.
 * <ul>
 * <li>{@code zlibSync(mode, level, strategy, dictionary, maxOutput, strictEnd, input)}: one whole buffer (the *Sync
 * functions)</li>
 * <li>{@code zlibOpen(mode, level, strategy, dictionary, maxOutput, strictEnd)} → id; {@code zlibWrite(id, input, flush)};
 * {@code zlibClose(id)}: a stream fed chunk by chunk (createGzip(), CompressionStream, ...)</li>
 * </ul>
 * Results are an ArrayBuffer, or on a zlib error a two-element array {@code [message, code]} that the JS side turns
 * into Node's error. Open streams are capped per isolate: a worker that abandons streams without ending them
 * cannot pin native zlib memory without bound (the oldest is closed; its next write fails).
 */
public final class ZlibHost implements HostApi {
    /** Output beyond this is refused rather than exhausting the heap (zip bombs); workerd's own ceiling is similar. */
    static final long MAX_OUTPUT = 128L * 1024 * 1024;
    static final int MAX_OPEN = 512;

    private final Map<Integer, ZlibStream> open = new LinkedHashMap<>();
    private int nextId = 1;

    @Override
    public void register(HostObject host) {
        try {
            host.function("zlibSync", args -> {
                ZlibStream z = create(args);
                try {
                    return answer(host, z, JsBytes.toBytes(JsArgs.arg(args, 6)), ZlibStream.Z_FINISH);
                } finally {
                    z.close();
                }
            });
            host.function("zlibOpen", args -> {
                ZlibStream z = create(args);
                if (open.size() >= MAX_OPEN) {
                    Iterator<ZlibStream> oldest = open.values().iterator();
                    oldest.next().close();
                    oldest.remove();
                }
                int id = nextId++;
                open.put(id, z);
                return host.runtime().createV8ValueInteger(id);
            });
            host.function("zlibWrite", args -> {
                int id = JsArgs.integer(args, 0, 0);
                ZlibStream z = open.get(id);
                if (z == null) {
                    return error(host, "zlib binding closed", "ERR_ZLIB_BINDING_CLOSED");
                }
                int flush = JsArgs.integer(args, 2, ZlibStream.Z_NO_FLUSH);
                V8Value result = answer(host, z, JsBytes.toBytes(JsArgs.arg(args, 1)), flush);
                if (flush == ZlibStream.Z_FINISH || !(result instanceof com.caoccao.javet.values.reference.V8ValueArrayBuffer)) {
                    open.remove(id).close();
                }
                return result;
            });
            host.function("zlibClose", args -> {
                ZlibStream z = open.remove(JsArgs.integer(args, 0, 0));
                if (z != null) {
                    z.close();
                }
                return host.runtime().createV8ValueUndefined();
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ZlibStream create(V8Value[] args) throws JavetException {
        int mode = JsArgs.integer(args, 0, ZlibStream.DEFLATE);
        int level = JsArgs.integer(args, 1, -1);
        int strategy = JsArgs.integer(args, 2, 0);
        V8Value dict = JsArgs.arg(args, 3);
        byte[] dictionary = JsArgs.isNullish(dict) ? null : JsBytes.toBytes(dict);
        long maxOutput = Math.min(MAX_OUTPUT, JsArgs.longValue(args, 4, MAX_OUTPUT));
        ZlibStream z = new ZlibStream(mode, level, strategy, dictionary, maxOutput <= 0 ? MAX_OUTPUT : maxOutput);
        return JsArgs.bool(args, 5) ? z.strictEnd() : z;
    }

    private static V8Value answer(HostObject host, ZlibStream z, byte[] input, int flush) throws JavetException {
        try {
            return JsBytes.toArrayBuffer(host.runtime(), z.write(input, flush));
        } catch (ZlibStream.ZlibException e) {
            return error(host, e.getMessage(), e.code());
        }
    }

    private static V8Value error(HostObject host, String message, String code) throws JavetException {
        var array = host.runtime().createV8ValueArray();
        array.push(message, code);
        return array;
    }
}
