package dev.outpost.runtime.glue;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueTypedArray;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Moves bytes between Java and V8 with one copy each way: Javet exposes an ArrayBuffer's backing store as a
 * direct {@link ByteBuffer}, so a {@code byte[]} is copied straight into (or out of) V8 memory without any
 * per-element crossing. The prelude always passes exact-size ArrayBuffers (or strings, which Java encodes).
 */
public final class JsBytes {
    private static final byte[] EMPTY = new byte[0];

    private JsBytes() {
    }

    /** A new ArrayBuffer holding a copy of {@code bytes}. The caller closes it. */
    public static V8ValueArrayBuffer toArrayBuffer(V8Runtime runtime, byte[] bytes) throws JavetException {
        V8ValueArrayBuffer buffer = runtime.createV8ValueArrayBuffer(bytes.length);
        if (bytes.length > 0) {
            buffer.getByteBuffer().put(0, bytes);
        }
        return buffer;
    }

    /**
     * The bytes of a body-like value: an ArrayBuffer, a Uint8Array (whole view) or a string (UTF-8); empty for
     * undefined/null.
     */
    public static byte[] toBytes(V8Value value) throws JavetException {
        if (JsArgs.isNullish(value)) {
            return EMPTY;
        }
        if (value instanceof V8ValueString s) {
            return s.getValue().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof V8ValueArrayBuffer buffer) {
            return copy(buffer.getByteBuffer(), 0, buffer.getByteBuffer().capacity());
        }
        if (value instanceof V8ValueTypedArray view) {
            try (V8ValueArrayBuffer buffer = view.getBuffer()) {
                return copy(buffer.getByteBuffer(), view.getByteOffset(), view.getByteLength());
            }
        }
        throw new IllegalArgumentException("not a byte source: " + value.getClass().getSimpleName());
    }

    private static byte[] copy(ByteBuffer source, int offset, int length) {
        if (source == null || length == 0) {
            return EMPTY;
        }
        byte[] out = new byte[length];
        source.get(offset, out);
        return out;
    }

    /** Decodes an ArrayBuffer's bytes as UTF-8 (malformed input becomes U+FFFD) without an intermediate array. */
    public static String decodeUtf8(V8ValueArrayBuffer buffer) {
        ByteBuffer bytes = buffer.getByteBuffer();
        if (bytes == null || bytes.capacity() == 0) {
            return "";
        }
        return StandardCharsets.UTF_8.decode(bytes.duplicate().clear()).toString();
    }
}
