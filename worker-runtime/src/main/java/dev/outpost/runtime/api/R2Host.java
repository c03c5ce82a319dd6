package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueBoolean;
import com.caoccao.javet.values.primitive.V8ValueNumber;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.reference.V8ValueArray;
import dev.outpost.runtime.bindings.r2.R2BindingException;
import dev.outpost.runtime.bindings.r2.R2BucketBinding;
import dev.outpost.runtime.bindings.r2.R2Checksums;
import dev.outpost.runtime.bindings.r2.R2ChunkSource;
import dev.outpost.runtime.bindings.r2.R2Conditional;
import dev.outpost.runtime.bindings.r2.R2GetOptions;
import dev.outpost.runtime.bindings.r2.R2HttpMetadata;
import dev.outpost.runtime.bindings.r2.R2ListOptions;
import dev.outpost.runtime.bindings.r2.R2PutOptions;
import dev.outpost.runtime.bindings.r2.R2Range;
import dev.outpost.runtime.bindings.r2.R2UploadedPart;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.JsErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Java half of r2.js (checklist R2-2..R2-8): turns host calls into {@link R2BucketBinding} calls. r2.js validates and
 * normalises options into small positional arrays (http metadata, conditional, checksums) and flat
 * {@code [k, v, ...]} arrays for maps; objects come back as one JSON text ({@link R2Json}). A get's body stays in
 * Java as an {@link R2ChunkSource} under a handle; the JS ReadableStream pulls it chunk by chunk ({@code r2Read}).
 * <p>
 * Failures never reject the host promise: they resolve with {@code a = undefined, b = "<code>\n<text>"} so that
 * r2.js can throw an {@code R2Error} with the code (R2-11).
 */
public final class R2Host implements HostApi {
    private final HostServices services;
    private final List<R2BucketBinding> buckets;
    /**
     * Most get bodies an isolate keeps open. A body that JS never reads to its end (and never cancels) would
     * otherwise stay here for the isolate's life; past this many, the oldest is cancelled and a later read of it
     * fails.
     */
    static final int MAX_OPEN_BODIES = 256;

    /** Bodies of gets that JS has not finished reading, by handle, oldest first. Isolate thread only. */
    private final Map<Integer, R2ChunkSource> bodies = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, R2ChunkSource> eldest) {
            if (size() <= MAX_OPEN_BODIES) {
                return false;
            }
            eldest.getValue().cancel();
            return true;
        }
    };
    private int lastHandle;

    /** workerd's message for a put stream without a known length (r2.js turns it into a TypeError). */
    static final String UNKNOWN_LENGTH = "Provided readable stream must have a known length (request/response body or readable half of FixedLengthStream)";

    public R2Host(HostServices services, List<R2BucketBinding> buckets) {
        this.services = services;
        this.buckets = List.copyOf(buckets);
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("r2Head", args -> {
                R2BucketBinding bucket = bucket(args);
                String key = JsArgs.string(args, 2);
                return start(host, args, () -> bucket.head(key), (rt, o) -> json(rt, R2Json.objectOrNull(o)));
            });
            host.function("r2Get", args -> {
                R2BucketBinding bucket = bucket(args);
                String key = JsArgs.string(args, 2);
                R2GetOptions options = new R2GetOptions(range(array(args, 3)), conditional(array(args, 4)));
                return start(host, args, () -> bucket.get(key, options), (rt, result) -> {
                    if (result == null) {
                        return new V8Value[]{rt.createV8ValueNull(), rt.createV8ValueNull()};
                    }
                    V8Value handle = rt.createV8ValueNull();
                    if (result.body() != null) {
                        int h = ++lastHandle;
                        bodies.put(h, result.body());
                        handle = rt.createV8ValueInteger(h);
                    }
                    return new V8Value[]{rt.createV8ValueString(R2Json.object(result.object())), handle};
                });
            });
            host.function("r2Read", args -> {
                // Pulls the next chunk of a get's body: a = ArrayBuffer, or null at the end (the handle is dropped).
                int handle = JsArgs.integer(args, 1, -1);
                R2ChunkSource body = bodies.get(handle);
                if (body == null) {
                    return start(host, args, () -> CompletableFuture.<byte[]>failedFuture(new R2BindingException(
                            R2BindingException.INTERNAL_ERROR, "The object body is no longer available: it was "
                            + "released after more than " + MAX_OPEN_BODIES + " bodies were left unread.")),
                            R2Host::chunk);
                }
                // On a failed read r2.js calls r2Cancel, which drops the handle.
                return start(host, args, body::next, (rt, chunk) -> {
                    if (chunk == null) {
                        bodies.remove(handle);
                    }
                    return chunk(rt, chunk);
                });
            });
            host.function("r2Cancel", args -> {
                R2ChunkSource body = bodies.remove(JsArgs.integer(args, 0, -1));
                if (body != null) {
                    body.cancel();
                }
                return host.runtime().createV8ValueUndefined();
            });
            host.function("r2Put", args -> {
                R2BucketBinding bucket = bucket(args);
                String key = JsArgs.string(args, 2);
                R2PutOptions options = new R2PutOptions(http(array(args, 3)), map(array(args, 4)),
                        conditional(array(args, 5)), checksums(array(args, 6)), JsArgs.string(args, 7));
                R2ChunkSource body = body(JsArgs.arg(args, 8));
                if (body == null) {
                    return host.runtime().createV8ValueString(UNKNOWN_LENGTH);
                }
                return start(host, args, () -> bucket.put(key, options, body),
                        (rt, o) -> json(rt, R2Json.objectOrNull(o)));
            });
            host.function("r2Delete", args -> {
                R2BucketBinding bucket = bucket(args);
                List<String> keys = strings(array(args, 2));
                return start(host, args, () -> bucket.delete(keys), (rt, ignored) -> json(rt, "null"));
            });
            host.function("r2List", args -> {
                R2BucketBinding bucket = bucket(args);
                R2ListOptions options = new R2ListOptions(JsArgs.string(args, 2), JsArgs.string(args, 3),
                        JsArgs.string(args, 4), JsArgs.string(args, 5), JsArgs.integer(args, 6, 1000),
                        JsArgs.bool(args, 7), JsArgs.bool(args, 8));
                return start(host, args, () -> bucket.list(options), (rt, page) -> json(rt, R2Json.page(page)));
            });
            host.function("r2CreateMultipart", args -> {
                R2BucketBinding bucket = bucket(args);
                String key = JsArgs.string(args, 2);
                R2HttpMetadata http = http(array(args, 3));
                Map<String, String> custom = map(array(args, 4));
                String storageClass = JsArgs.string(args, 5);
                return start(host, args, () -> bucket.createMultipartUpload(key, http, custom, storageClass),
                        (rt, id) -> new V8Value[]{rt.createV8ValueString(id), rt.createV8ValueUndefined()});
            });
            host.function("r2UploadPart", args -> {
                R2BucketBinding bucket = bucket(args);
                String key = JsArgs.string(args, 2);
                String uploadId = JsArgs.string(args, 3);
                int part = JsArgs.integer(args, 4, 0);
                R2ChunkSource body = body(JsArgs.arg(args, 5));
                if (body == null) {
                    return host.runtime().createV8ValueString(UNKNOWN_LENGTH);
                }
                return start(host, args, () -> bucket.uploadPart(key, uploadId, part, body),
                        (rt, p) -> json(rt, R2Json.part(p)));
            });
            host.function("r2CompleteMultipart", args -> {
                R2BucketBinding bucket = bucket(args);
                String key = JsArgs.string(args, 2);
                String uploadId = JsArgs.string(args, 3);
                List<String> flat = strings(array(args, 4));
                List<R2UploadedPart> parts = new ArrayList<>(flat.size() / 2);
                for (int i = 0; i + 1 < flat.size(); i += 2) {
                    parts.add(new R2UploadedPart(Integer.parseInt(flat.get(i)), flat.get(i + 1)));
                }
                return start(host, args, () -> bucket.completeMultipartUpload(key, uploadId, parts),
                        (rt, o) -> json(rt, R2Json.objectOrNull(o)));
            });
            host.function("r2AbortMultipart", args -> {
                R2BucketBinding bucket = bucket(args);
                String key = JsArgs.string(args, 2);
                String uploadId = JsArgs.string(args, 3);
                return start(host, args, () -> bucket.abortMultipartUpload(key, uploadId),
                        (rt, ignored) -> json(rt, "null"));
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A binding call's outcome, so failures reach JS as R2 errors instead of plain rejections. */
    private record Outcome<T>(T value, Throwable failure) {
    }

    private <T> V8Value start(HostObject host, V8Value[] args, Supplier<? extends CompletionStage<T>> operation,
                              HostServices.ResultEncoder<T> encoder) throws JavetException {
        Supplier<CompletionStage<Outcome<T>>> guarded = () -> {
            CompletionStage<T> stage;
            try {
                stage = operation.get();
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(new Outcome<>(null, e));
            }
            return stage.handle(Outcome::new);
        };
        String error = services.startCall(JsArgs.integer(args, 0, 0), guarded, (rt, outcome) -> outcome.failure() == null
                ? encoder.encode(rt, outcome.value()) : failure(rt, outcome.failure()));
        return error == null ? host.runtime().createV8ValueUndefined() : host.runtime().createV8ValueString(error);
    }

    /**
     * A put body: bytes; a negative number, the handle of an untouched Java body JS passed through; or
     * {@code [handle, length]}, a JS stream of known length (r2.js putBody()) pulled through its export. Streams go
     * on as {@link BodyStreamChunks}. Null when a Java body's length is unknown, which R2 refuses as Cloudflare does.
     */
    private R2ChunkSource body(V8Value arg) throws JavetException {
        if (arg instanceof V8ValueArray a) {
            Long handle = num(a, 0);
            Long length = num(a, 1);
            dev.outpost.runtime.BodyStream stream = handle == null ? null : services.exportedStream(handle.intValue());
            if (stream == null || length == null || length < 0) {
                if (stream != null) {
                    stream.cancel("R2 put needs a known length");
                }
                return null;
            }
            return new BodyStreamChunks(stream, length);
        }
        if (arg instanceof V8ValueNumber<?> n) {
            dev.outpost.runtime.BodyStream stream = services.exportedStream(((Number) n.getValue()).intValue());
            if (stream == null || stream.length() < 0) {
                if (stream != null) {
                    stream.cancel("R2 put needs a known length");
                }
                return null;
            }
            return new BodyStreamChunks(stream, stream.length());
        }
        return R2ChunkSource.of(JsBytes.toBytes(arg));
    }

    private static V8Value[] failure(V8Runtime rt, Throwable failure) throws JavetException {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        int code = cause instanceof R2BindingException r2 ? r2.code() : R2BindingException.INTERNAL_ERROR;
        return new V8Value[]{rt.createV8ValueUndefined(),
                rt.createV8ValueString(code + "\n" + JsErrors.messageOf(cause))};
    }

    private static V8Value[] json(V8Runtime rt, String json) throws JavetException {
        return new V8Value[]{rt.createV8ValueString(json), rt.createV8ValueNull()};
    }

    private static V8Value[] chunk(V8Runtime rt, byte[] chunk) throws JavetException {
        return new V8Value[]{chunk == null ? rt.createV8ValueNull() : JsBytes.toArrayBuffer(rt, chunk),
                rt.createV8ValueNull()};
    }

    private R2BucketBinding bucket(V8Value[] args) {
        int index = JsArgs.integer(args, 1, -1);
        if (index < 0 || index >= buckets.size()) {
            throw new IllegalArgumentException("unknown R2 bucket index " + index);
        }
        return buckets.get(index);
    }

    // ---- reading the normalised arrays r2.js passes --------------------------------------------------

    private static V8ValueArray array(V8Value[] args, int index) {
        V8Value v = JsArgs.arg(args, index);
        return v instanceof V8ValueArray a ? a : null;
    }

    private static String str(V8ValueArray a, int i) throws JavetException {
        try (V8Value v = a.get(i)) {
            return v instanceof V8ValueString s ? s.getValue() : null;
        }
    }

    private static Long num(V8ValueArray a, int i) throws JavetException {
        try (V8Value v = a.get(i)) {
            return v instanceof V8ValueNumber<?> n ? ((Number) n.getValue()).longValue() : null;
        }
    }

    private static byte[] bytes(V8ValueArray a, int i) throws JavetException {
        try (V8Value v = a.get(i)) {
            return JsArgs.isNullish(v) ? null : JsBytes.toBytes(v);
        }
    }

    /** [offset, length, suffix] */
    static R2Range range(V8ValueArray a) throws JavetException {
        return a == null ? null : new R2Range(num(a, 0), num(a, 1), num(a, 2));
    }

    /** [etagMatches, etagDoesNotMatch, uploadedBefore, uploadedAfter, secondsGranularity] */
    static R2Conditional conditional(V8ValueArray a) throws JavetException {
        if (a == null) {
            return null;
        }
        boolean seconds;
        try (V8Value v = a.get(4)) {
            seconds = v instanceof V8ValueBoolean b && b.getValue();
        }
        return new R2Conditional(str(a, 0), str(a, 1), num(a, 2), num(a, 3), seconds);
    }

    /** [contentType, contentLanguage, contentDisposition, contentEncoding, cacheControl, cacheExpiry] */
    static R2HttpMetadata http(V8ValueArray a) throws JavetException {
        if (a == null) {
            return R2HttpMetadata.NONE;
        }
        return new R2HttpMetadata(str(a, 0), str(a, 1), str(a, 2), str(a, 3), str(a, 4), num(a, 5));
    }

    /** [md5, sha1, sha256, sha384, sha512] as ArrayBuffers or null */
    static R2Checksums checksums(V8ValueArray a) throws JavetException {
        if (a == null) {
            return R2Checksums.NONE;
        }
        return new R2Checksums(bytes(a, 0), bytes(a, 1), bytes(a, 2), bytes(a, 3), bytes(a, 4));
    }

    static Map<String, String> map(V8ValueArray a) throws JavetException {
        Map<String, String> out = new LinkedHashMap<>();
        if (a != null) {
            int n = a.getLength();
            for (int i = 0; i + 1 < n; i += 2) {
                out.put(str(a, i), str(a, i + 1));
            }
        }
        return out;
    }

    static List<String> strings(V8ValueArray a) throws JavetException {
        List<String> out = new ArrayList<>();
        if (a != null) {
            int n = a.getLength();
            for (int i = 0; i < n; i++) {
                out.add(str(a, i));
            }
        }
        return out;
    }
}
