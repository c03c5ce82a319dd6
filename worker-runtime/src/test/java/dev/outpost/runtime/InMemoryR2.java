package dev.outpost.runtime;

import dev.outpost.runtime.bindings.r2.R2BindingException;
import dev.outpost.runtime.bindings.r2.R2BucketBinding;
import dev.outpost.runtime.bindings.r2.R2Checksums;
import dev.outpost.runtime.bindings.r2.R2ChunkSource;
import dev.outpost.runtime.bindings.r2.R2Conditional;
import dev.outpost.runtime.bindings.r2.R2GetOptions;
import dev.outpost.runtime.bindings.r2.R2GetResult;
import dev.outpost.runtime.bindings.r2.R2HttpMetadata;
import dev.outpost.runtime.bindings.r2.R2ListOptions;
import dev.outpost.runtime.bindings.r2.R2ListPage;
import dev.outpost.runtime.bindings.r2.R2ObjectMeta;
import dev.outpost.runtime.bindings.r2.R2PutOptions;
import dev.outpost.runtime.bindings.r2.R2Range;
import dev.outpost.runtime.bindings.r2.R2UploadedPart;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A test-only R2 bucket with R2's semantics in memory (enough to test r2.js): stages complete on another thread, get
 * bodies come out in {@link #CHUNK}-byte chunks (so the JS stream pulls several times), keys starting with
 * {@code fail:} fail with InternalError. It does not implement the R2 server; r2-service does, and the end-to-end
 * test exercises it.
 */
class InMemoryR2 implements R2BucketBinding {
    static final int CHUNK = 4;
    private static final Executor IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-r2-io");
        t.setDaemon(true);
        return t;
    });

    record Stored(R2ObjectMeta meta, byte[] bytes) {
    }

    final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();
    final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
    final Map<String, R2HttpMetadata> uploadHttp = new ConcurrentHashMap<>();
    final AtomicInteger chunksRead = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    volatile R2GetOptions lastGet;

    private static <T> CompletionStage<T> async(String key, Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            if (key != null && key.startsWith("fail:")) {
                throw new IllegalStateException("backend exploded");
            }
            return work.get();
        }, IO);
    }

    @Override
    public CompletionStage<R2ObjectMeta> head(String key) {
        return async(key, () -> {
            Stored s = objects.get(key);
            return s == null ? null : s.meta();
        });
    }

    @Override
    public CompletionStage<R2GetResult> get(String key, R2GetOptions options) {
        lastGet = options;
        return async(key, () -> {
            Stored s = objects.get(key);
            if (s == null) {
                if (options.onlyIf() != null && !passes(options.onlyIf(), null)) {
                    return null;
                }
                return null;
            }
            if (options.onlyIf() != null && !passes(options.onlyIf(), s.meta())) {
                return new R2GetResult(s.meta(), null);
            }
            long size = s.bytes().length;
            long start = 0;
            long end = size;
            R2Range served = null;
            R2Range r = options.range();
            if (r != null) {
                if (r.suffix() != null) {
                    if (r.suffix() <= 0) {
                        throw new R2BindingException(10039, "The requested range is not satisfiable");
                    }
                    start = Math.max(0, size - r.suffix());
                } else {
                    start = r.offset() == null ? 0 : r.offset();
                    if (r.length() != null && r.length() <= 0 || start > size) {
                        throw new R2BindingException(10039, "The requested range is not satisfiable");
                    }
                    end = r.length() == null ? size : Math.min(size, start + r.length());
                }
                served = new R2Range(start, end - start, null);
            }
            return new R2GetResult(s.meta().withRange(served),
                    chunked(Arrays.copyOfRange(s.bytes(), (int) start, (int) end)));
        });
    }

    private R2ChunkSource chunked(byte[] bytes) {
        return new R2ChunkSource() {
            private int offset;

            @Override
            public CompletionStage<byte[]> next() {
                return CompletableFuture.supplyAsync(() -> {
                    if (offset >= bytes.length) {
                        return null;
                    }
                    int n = Math.min(CHUNK, bytes.length - offset);
                    byte[] chunk = Arrays.copyOfRange(bytes, offset, offset + n);
                    offset += n;
                    chunksRead.incrementAndGet();
                    return chunk;
                }, IO);
            }

            @Override
            public void cancel() {
                cancels.incrementAndGet();
            }

            @Override
            public long length() {
                return bytes.length;
            }
        };
    }

    static boolean passes(R2Conditional c, R2ObjectMeta o) {
        if (o == null) {
            return c.etagMatches() == null && c.uploadedAfter() == null;
        }
        boolean ok = c.etagMatches() == null || c.etagMatches().replace("\"", "").equals(o.etag())
                || c.etagMatches().equals("*");
        ok &= c.etagDoesNotMatch() == null || !c.etagDoesNotMatch().replace("\"", "").equals(o.etag());
        ok &= c.uploadedBefore() == null || o.uploaded() < c.uploadedBefore();
        ok &= c.uploadedAfter() == null || o.uploaded() > c.uploadedAfter();
        return ok;
    }

    private static byte[] drain(R2ChunkSource body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (;;) {
            byte[] chunk = body.next().toCompletableFuture().join();
            if (chunk == null) {
                return out.toByteArray();
            }
            out.writeBytes(chunk);
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CompletionStage<R2ObjectMeta> put(String key, R2PutOptions options, R2ChunkSource body) {
        return async(key, () -> {
            byte[] bytes = drain(body);
            Stored existing = objects.get(key);
            if (options.onlyIf() != null && !passes(options.onlyIf(), existing == null ? null : existing.meta())) {
                return null;
            }
            byte[] md5 = digest("MD5", bytes);
            R2Checksums expected = options.expected();
            if (expected.md5() != null && !Arrays.equals(expected.md5(), md5)
                    || expected.sha256() != null && !Arrays.equals(expected.sha256(), digest("SHA-256", bytes))) {
                throw new R2BindingException(10037, "The Content-MD5 you specified did not match what we received.");
            }
            R2ObjectMeta meta = new R2ObjectMeta(key, UUID.randomUUID().toString(), bytes.length,
                    HexFormat.of().formatHex(md5), System.currentTimeMillis(), options.httpMetadata(),
                    java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options.customMetadata())), new R2Checksums(md5, null, expected.sha256(), null, null),
                    options.storageClass(), null);
            objects.put(key, new Stored(meta, bytes));
            return meta;
        });
    }

    @Override
    public CompletionStage<Void> delete(List<String> keys) {
        return async(null, () -> {
            keys.forEach(objects::remove);
            return null;
        });
    }

    @Override
    public CompletionStage<R2ListPage> list(R2ListOptions o) {
        return async(null, () -> {
            List<R2ObjectMeta> out = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            String after = o.cursor() != null ? o.cursor() : o.startAfter();
            String last = null;
            boolean truncated = false;
            for (Stored s : objects.values()) {
                String key = s.meta().key();
                if (o.prefix() != null && !key.startsWith(o.prefix()) || after != null && key.compareTo(after) <= 0) {
                    continue;
                }
                if (out.size() + prefixes.size() >= o.limit()) {
                    truncated = true;
                    break;
                }
                String rest = key.substring(o.prefix() == null ? 0 : o.prefix().length());
                int d = o.delimiter() == null ? -1 : rest.indexOf(o.delimiter());
                if (d >= 0) {
                    String p = key.substring(0, key.length() - rest.length() + d + o.delimiter().length());
                    if (!prefixes.contains(p)) {
                        prefixes.add(p);
                    }
                    last = key;
                    continue;
                }
                R2ObjectMeta m = s.meta();
                out.add(new R2ObjectMeta(m.key(), m.version(), m.size(), m.etag(), m.uploaded(),
                        o.includeHttpMetadata() ? m.http() : null, o.includeCustomMetadata() ? m.customMetadata() : null,
                        m.checksums(), m.storageClass(), null));
                last = key;
            }
            return new R2ListPage(out, prefixes, truncated, truncated ? last : null);
        });
    }

    @Override
    public CompletionStage<String> createMultipartUpload(String key, R2HttpMetadata httpMetadata,
                                                         Map<String, String> customMetadata, String storageClass) {
        return async(key, () -> {
            String id = "upload-" + UUID.randomUUID();
            uploads.put(id, new ConcurrentSkipListMap<>());
            uploadHttp.put(id, httpMetadata);
            return id;
        });
    }

    @Override
    public CompletionStage<R2UploadedPart> uploadPart(String key, String uploadId, int partNumber, R2ChunkSource body) {
        return async(key, () -> {
            Map<Integer, byte[]> parts = uploads.get(uploadId);
            if (parts == null) {
                throw new R2BindingException(10024, "The specified multipart upload does not exist.");
            }
            byte[] bytes = drain(body);
            parts.put(partNumber, bytes);
            return new R2UploadedPart(partNumber, HexFormat.of().formatHex(digest("MD5", bytes)));
        });
    }

    @Override
    public CompletionStage<R2ObjectMeta> completeMultipartUpload(String key, String uploadId, List<R2UploadedPart> parts) {
        return async(key, () -> {
            Map<Integer, byte[]> stored = uploads.remove(uploadId);
            if (stored == null) {
                throw new R2BindingException(10024, "The specified multipart upload does not exist.");
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (R2UploadedPart p : parts) {
                byte[] bytes = stored.get(p.partNumber());
                if (bytes == null) {
                    throw new R2BindingException(10025, "One or more of the specified parts could not be found.");
                }
                all.writeBytes(bytes);
            }
            byte[] bytes = all.toByteArray();
            R2ObjectMeta meta = new R2ObjectMeta(key, UUID.randomUUID().toString(), bytes.length,
                    "multipart-" + parts.size(), System.currentTimeMillis(), uploadHttp.remove(uploadId), Map.of(),
                    null, null, null);
            objects.put(key, new Stored(meta, bytes));
            return meta;
        });
    }

    @Override
    public CompletionStage<Void> abortMultipartUpload(String key, String uploadId) {
        return async(key, () -> {
            uploads.remove(uploadId);
            return null;
        });
    }
}
