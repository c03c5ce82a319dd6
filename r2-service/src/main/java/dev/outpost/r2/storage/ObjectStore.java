package dev.outpost.r2.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;
import dev.outpost.r2.config.R2Config;
import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.model.BucketInfo;
import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.model.ObjectInfo;
import dev.outpost.r2.model.PartInfo;
import dev.outpost.r2.model.ServedRange;
import dev.outpost.r2.model.UploadInfo;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.Directive;
import io.minio.ListPartsResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.http.Method;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.minio.messages.Part;
import io.minio.messages.Prefix;
import io.minio.messages.Upload;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The only code that talks to the S3 backend. Speaks in Outpost terms (bucket refs, literal keys,
 * R2 metadata) and translates to backend bucket names ({@link BackendNames}), stored keys
 * ({@link KeyCodec}) and S3 headers ({@link MetadataCodec}). Every call is asynchronous: network I/O
 * runs on the HTTP client's threads, blocking stream reads on {@link #blockingExecutor()}, never on
 * an event loop. Failures arrive as {@link dev.outpost.r2.error.R2Exception}.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern ETAG_XML = Pattern.compile("<ETag>(.*?)</ETag>", Pattern.DOTALL);
    /** Part size for uploads of unknown length (the backend's minimum). */
    private static final long UNKNOWN_LENGTH_PART = 5L * 1024 * 1024;
    /** How long one read of an object body may wait for the backend (the client's read timeout for the rest). */
    private static final Duration BODY_STALL = Duration.ofMinutes(5);

    private final BackendClient client;
    private final String catalogBucket;
    private final ExecutorService blocking;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean catalogReady;

    public ObjectStore(R2Config config) {
        R2Config.Backend backend = config.s3();
        Dispatcher dispatcher = new Dispatcher();
        // OkHttp allows 5 concurrent calls per host by default; every streaming transfer holds one.
        dispatcher.setMaxRequests(1024);
        dispatcher.setMaxRequestsPerHost(1024);
        OkHttpClient http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .socketFactory(new BackendSocketFactory(backend.readBufferBytes(), backend.writeBufferBytes()))
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofMinutes(5))
                .readTimeout(Duration.ofMinutes(5))
                .protocols(List.of(okhttp3.Protocol.HTTP_1_1))
                .build();
        MinioAsyncClient base = MinioAsyncClient.builder()
                .endpoint(backend.endpoint())
                .credentials(backend.accessKey(), backend.secretKey())
                .region(backend.region())
                .httpClient(http)
                .build();
        this.client = new BackendClient(base);
        this.catalogBucket = backend.catalogBucket();
        AtomicInteger n = new AtomicInteger();
        this.blocking = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "r2-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void close() {
        blocking.shutdownNow();
    }

    /** Where blocking stream reads and writes run. */
    public ExecutorService blockingExecutor() {
        return blocking;
    }

    // ---------------------------------------------------------------- buckets and catalog

    public Uni<Void> makeBucket(BucketRef ref) {
        return call(() -> client.makeBucket(MakeBucketArgs.builder().bucket(BackendNames.backendBucket(ref)).build()));
    }

    public Uni<Boolean> bucketExists(BucketRef ref) {
        return call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(BackendNames.backendBucket(ref)).build()));
    }

    public Uni<Void> removeBucket(BucketRef ref) {
        return call(() -> client.removeBucket(RemoveBucketArgs.builder().bucket(BackendNames.backendBucket(ref)).build()));
    }

    public Uni<Void> putCatalog(BucketRef ref, BucketInfo info) {
        return ensureCatalog().chain(() -> {
            byte[] body;
            try {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("name", info.name());
                doc.put("accountId", ref.accountId());
                doc.put("jurisdiction", info.jurisdiction());
                doc.put("location", info.location());
                doc.put("storageClass", info.storageClass());
                doc.put("created", info.creationDate());
                body = json.writeValueAsBytes(doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return call(() -> client.streamPut(catalogBucket, KeyCodec.encode(BackendNames.catalogKey(ref)),
                    Map.of("Content-Type", "application/json"), Map.of(), new ByteArrayInputStream(body), body.length)
                    .thenApply(r -> {
                        r.close();
                        return null;
                    }));
        });
    }

    public Uni<Optional<BucketInfo>> getCatalog(BucketRef ref) {
        return ensureCatalog().chain(() -> Uni.createFrom().completionStage(() -> client
                .raw(Method.GET, catalogBucket, KeyCodec.encode(BackendNames.catalogKey(ref)), Map.of(), Map.of())
                .thenApplyAsync(response -> {
                    try (ResponseBody body = response.body()) {
                        Map<?, ?> doc = json.readValue(body.bytes(), Map.class);
                        return Optional.of(new BucketInfo(ref.name(), ((Number) doc.get("created")).longValue(),
                                (String) doc.get("location"), (String) doc.get("storageClass"),
                                (String) doc.get("jurisdiction")));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, blocking)))
                .onFailure(f -> BackendErrors.is(f, "NoSuchKey")).recoverWithItem(Optional.empty())
                .onFailure().transform(BackendErrors::map);
    }

    public Uni<Void> deleteCatalog(BucketRef ref) {
        return call(() -> client.removeObject(RemoveObjectArgs.builder().bucket(catalogBucket)
                .object(KeyCodec.encode(BackendNames.catalogKey(ref))).build()));
    }

    // ------------------------------------------------------------------ bucket settings (CORS)

    /**
     * A bucket's setting document (e.g. its CORS configuration) in the catalog bucket under
     * {@code <setting>/<catalog key>}: outside the account prefixes, so bucket listings never see it.
     */
    public Uni<Void> putSetting(BucketRef ref, String setting, byte[] body) {
        return ensureCatalog().chain(() -> call(() -> client.streamPut(catalogBucket,
                KeyCodec.encode(setting + "/" + BackendNames.catalogKey(ref)), Map.of("Content-Type", "application/xml"),
                Map.of(), new ByteArrayInputStream(body), body.length).thenApply(r -> {
                    r.close();
                    return null;
                })));
    }

    /** The setting document, or empty when none was stored. */
    public Uni<Optional<byte[]>> getSetting(BucketRef ref, String setting) {
        return ensureCatalog().chain(() -> Uni.createFrom().completionStage(() -> client
                .raw(Method.GET, catalogBucket, KeyCodec.encode(setting + "/" + BackendNames.catalogKey(ref)), Map.of(),
                        Map.of())
                .thenApplyAsync(response -> {
                    try (ResponseBody body = response.body()) {
                        return Optional.of(body.bytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, blocking)))
                .onFailure(f -> BackendErrors.is(f, "NoSuchKey")).recoverWithItem(Optional.empty())
                .onFailure().transform(BackendErrors::map);
    }

    public Uni<Void> deleteSetting(BucketRef ref, String setting) {
        return ensureCatalog().chain(() -> call(() -> client.removeObject(RemoveObjectArgs.builder()
                .bucket(catalogBucket).object(KeyCodec.encode(setting + "/" + BackendNames.catalogKey(ref))).build())));
    }

    /** An account's buckets in name order, names after {@code startAfter} (exclusive). */
    public Uni<CatalogPage> listCatalog(BucketRef scope, String namePrefix, String startAfter, int limit) {
        String prefix = BackendNames.catalogPrefix(scope);
        String after = startAfter == null || startAfter.isEmpty() ? null : prefix + startAfter;
        return ensureCatalog().chain(() -> call(() -> client.listV2(catalogBucket, prefix + namePrefix, null, after, limit)))
                .map(response -> {
                    List<BucketInfo> buckets = new ArrayList<>();
                    boolean url = "url".equals(response.result().encodingType());
                    for (Item item : response.result().contents()) {
                        String name = KeyCodec.decode(listedName(item.objectName(), url)).substring(prefix.length());
                        long created = item.lastModified() == null ? 0 : item.lastModified().toInstant().toEpochMilli();
                        buckets.add(new BucketInfo(name, MetadataCodec.truncateToSeconds(created), null, null,
                                scope.jurisdiction()));
                    }
                    return new CatalogPage(buckets, response.result().isTruncated());
                });
    }

    private Uni<Void> ensureCatalog() {
        if (catalogReady) {
            return Uni.createFrom().voidItem();
        }
        return call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(catalogBucket).build()))
                .chain(exists -> exists ? Uni.createFrom().voidItem()
                        : call(() -> client.makeBucket(MakeBucketArgs.builder().bucket(catalogBucket).build()))
                                .onFailure(f -> f instanceof dev.outpost.r2.error.R2Exception r
                                        && r.error() == R2Error.BUCKET_ALREADY_EXISTS)
                                .recoverWithNull().replaceWithVoid())
                .invoke(() -> catalogReady = true);
    }

    /** Readiness: the backend answers a cheap call. */
    public Uni<Void> ping() {
        return call(() -> client.listBuckets()).replaceWithVoid();
    }

    // ---------------------------------------------------------------- objects

    public Uni<Optional<ObjectInfo>> head(BucketRef ref, String key) {
        return Uni.createFrom().completionStage(() -> client.raw(Method.HEAD, BackendNames.backendBucket(ref),
                        KeyCodec.encode(key), Map.of(), Map.of()))
                .map(response -> {
                    try (response) {
                        return Optional.of(infoOf(key, response, null));
                    }
                })
                .onFailure(f -> BackendErrors.is(f, "NoSuchKey")).recoverWithItem(Optional.empty())
                .onFailure().transform(BackendErrors::map);
    }

    /**
     * GET with an optional HTTP Range header value. Null item when the object does not exist.
     * A range the backend cannot satisfy fails with InvalidRange.
     */
    public Uni<ObjectBody> get(BucketRef ref, String key, String rangeHeader) {
        Map<String, String> headers = rangeHeader == null ? Map.of() : Map.of("Range", rangeHeader);
        return Uni.createFrom().completionStage(() -> client.getObject(BackendNames.backendBucket(ref),
                        KeyCodec.encode(key), headers))
                .map(got -> {
                    ServedRange[] range = new ServedRange[1];
                    ObjectInfo info = infoOf(key, got.response(), range);
                    ResponseBody body = got.response().body();
                    return new ObjectBody(info, range[0], body == null ? InputStream.nullInputStream()
                            : new BackendBodyStream(body, got.call(), BODY_STALL));
                })
                .onFailure(f -> BackendErrors.is(f, "NoSuchKey")).recoverWithNull()
                .onFailure().transform(BackendErrors::map);
    }

    /**
     * Stores an object from a stream. With a known length the body streams in one PUT; otherwise the
     * MinIO client's multipart upload (5 MiB parts in memory) is used. {@code conditions} are HTTP
     * conditional headers (If-Match / If-None-Match) the backend checks atomically.
     *
     * @return the backend's ETag, unquoted
     */
    public Uni<String> put(BucketRef ref, String key, Map<String, String> headers, Map<String, String> conditions,
            InputStream body, long length) {
        String bucket = BackendNames.backendBucket(ref);
        String stored = KeyCodec.encode(key);
        if (length >= 0) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(conditions);
            return call(() -> client.streamPut(bucket, stored, all, Map.of(), body, length)
                    .thenApply(ObjectStore::etagOf));
        }
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(() -> {
            try {
                return client.putObject(PutObjectArgs.builder().bucket(bucket).object(stored)
                        .headers(headers).stream(body, -1, UNKNOWN_LENGTH_PART).build());
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, blocking).thenCompose(f -> f)).map(w -> MetadataCodec.unquote(w.etag()))
                .onFailure().transform(BackendErrors::map);
    }

    /** Deletes keys; missing keys are not an error. */
    public Uni<Void> delete(BucketRef ref, List<String> keys) {
        String bucket = BackendNames.backendBucket(ref);
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (keys.size() == 1) {
            return call(() -> client.removeObject(RemoveObjectArgs.builder().bucket(bucket)
                    .object(KeyCodec.encode(keys.get(0))).build()));
        }
        List<DeleteObject> objects = new ArrayList<>();
        for (String k : keys) {
            objects.add(new DeleteObject(KeyCodec.encode(k)));
        }
        return call(() -> client.deleteMany(bucket, objects)).map(errors -> {
            if (!errors.isEmpty()) {
                throw R2Error.INTERNAL_ERROR.exception("Some keys could not be deleted: " + errors);
            }
            return null;
        });
    }

    /**
     * One backend listing page. Keys and prefixes come back decoded; the stored forms are kept for
     * cursors. {@code storedPrefix} and {@code storedStartAfter} are already in backend form.
     */
    public Uni<BackendPage> list(BucketRef ref, String storedPrefix, String delimiter, String storedStartAfter,
            int maxKeys) {
        return call(() -> client.listV2(BackendNames.backendBucket(ref), storedPrefix, delimiter,
                storedStartAfter, maxKeys)).map(response -> {
                    List<ObjectInfo> objects = new ArrayList<>();
                    List<String> storedKeys = new ArrayList<>();
                    boolean url = "url".equals(response.result().encodingType());
                    for (Item item : response.result().contents()) {
                        if (item.isDir()) {
                            continue;
                        }
                        String storedKey = listedName(item.objectName(), url);
                        storedKeys.add(storedKey);
                        long modified = item.lastModified() == null ? 0 : item.lastModified().toInstant().toEpochMilli();
                        String storageClass = "STANDARD_IA".equals(item.storageClass()) ? "InfrequentAccess" : "Standard";
                        objects.add(MetadataCodec.fromHeaders(KeyCodec.decode(storedKey), item.size(), item.etag(),
                                modified, name -> null, Map.of()).withStorageClass(storageClass));
                    }
                    List<String> prefixes = new ArrayList<>();
                    List<String> storedPrefixes = new ArrayList<>();
                    for (Prefix p : response.result().commonPrefixes()) {
                        String storedP = listedName(p.toItem().objectName(), url);
                        storedPrefixes.add(storedP);
                        prefixes.add(KeyCodec.decode(storedP));
                    }
                    return new BackendPage(objects, prefixes, storedPrefixes, storedKeys, response.result().isTruncated());
                });
    }

    /** Server-side copy with new metadata (always REPLACE: a copy is a new R2 object with a new version). */
    public Uni<String> copy(BucketRef source, String sourceKey, BucketRef target, String targetKey,
            Map<String, String> headers) {
        Multimap<String, String> h = HashMultimap.create();
        headers.forEach(h::put);
        return call(() -> client.copyObject(CopyObjectArgs.builder()
                .bucket(BackendNames.backendBucket(target)).object(KeyCodec.encode(targetKey))
                .source(CopySource.builder().bucket(BackendNames.backendBucket(source))
                        .object(KeyCodec.encode(sourceKey)).build())
                .headers(h)
                .metadataDirective(Directive.REPLACE)
                .build())).map(w -> MetadataCodec.unquote(w.etag()));
    }

    // ---------------------------------------------------------------- multipart

    public Uni<String> createUpload(BucketRef ref, String key, Map<String, String> headers) {
        Multimap<String, String> h = HashMultimap.create();
        headers.forEach(h::put);
        return call(() -> client.createMultipartUploadAsync(BackendNames.backendBucket(ref), null, KeyCodec.encode(key),
                h, null)).map(r -> r.result().uploadId());
    }

    public Uni<String> uploadPart(BucketRef ref, String key, String uploadId, int partNumber, InputStream body,
            long length) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("partNumber", Integer.toString(partNumber));
        query.put("uploadId", uploadId);
        return call(() -> client.streamPut(BackendNames.backendBucket(ref), KeyCodec.encode(key), Map.of(), query,
                body, length).thenApply(ObjectStore::etagOf));
    }

    /** UploadPartCopy; {@code range} is "bytes=a-b" or null for the whole source. */
    public Uni<String> uploadPartCopy(BucketRef ref, String key, String uploadId, int partNumber, BucketRef source,
            String sourceKey, String range) {
        Multimap<String, String> h = HashMultimap.create();
        h.put("x-amz-copy-source", io.minio.S3Escaper.encodePath(
                BackendNames.backendBucket(source) + "/" + KeyCodec.encode(sourceKey)));
        if (range != null) {
            h.put("x-amz-copy-source-range", range);
        }
        return call(() -> client.uploadPartCopyAsync(BackendNames.backendBucket(ref), null, KeyCodec.encode(key),
                uploadId, partNumber, h, null)).map(r -> MetadataCodec.unquote(r.result().etag()));
    }

    /**
     * Fails with NoSuchUpload unless the upload is in progress. Not every backend checks the upload id
     * on UploadPart or ListParts (S3Proxy does not), so look for it among the key's uploads.
     */
    public Uni<Void> requireUpload(BucketRef ref, String key, String uploadId) {
        return findUpload(ref, KeyCodec.encode(key), uploadId, null, null, 0);
    }

    private Uni<Void> findUpload(BucketRef ref, String stored, String uploadId, String keyMarker, String idMarker,
            int pages) {
        return call(() -> client.listMultipartUploadsAsync(BackendNames.backendBucket(ref), null, null, null,
                keyMarker, 1000, stored, idMarker, null, null)).chain(r -> {
                    for (Upload u : r.result().uploads()) {
                        if (uploadId.equals(u.uploadId()) && stored.equals(u.objectName())) {
                            return Uni.createFrom().voidItem();
                        }
                    }
                    if (r.result().isTruncated() && pages < 20 && r.result().nextKeyMarker() != null
                            && r.result().nextKeyMarker().startsWith(stored)) {
                        return findUpload(ref, stored, uploadId, r.result().nextKeyMarker(),
                                r.result().nextUploadIdMarker(), pages + 1);
                    }
                    return Uni.createFrom().failure(R2Error.NO_SUCH_UPLOAD.exception());
                });
    }

    /** All parts uploaded so far (follows the backend's paging). */
    public Uni<List<PartInfo>> listParts(BucketRef ref, String key, String uploadId) {
        return listPartsFrom(ref, key, uploadId, 0, new ArrayList<>());
    }

    private Uni<List<PartInfo>> listPartsFrom(BucketRef ref, String key, String uploadId, int marker,
            List<PartInfo> acc) {
        return call(() -> client.listPartsAsync(BackendNames.backendBucket(ref), null, KeyCodec.encode(key), 1000,
                marker == 0 ? null : marker, uploadId, null, null)).chain((ListPartsResponse r) -> {
                    for (Part p : r.result().partList()) {
                        long modified = p.lastModified() == null ? 0 : p.lastModified().toInstant().toEpochMilli();
                        acc.add(new PartInfo(p.partNumber(), MetadataCodec.unquote(p.etag()), p.partSize(), modified));
                    }
                    if (r.result().isTruncated() && r.result().nextPartNumberMarker() > marker) {
                        return listPartsFrom(ref, key, uploadId, r.result().nextPartNumberMarker(), acc);
                    }
                    return Uni.createFrom().item(acc);
                });
    }

    public Uni<String> completeUpload(BucketRef ref, String key, String uploadId, List<PartInfo> parts) {
        Part[] list = parts.stream().map(p -> new Part(p.partNumber(), "\"" + p.etag() + "\"")).toArray(Part[]::new);
        return call(() -> client.completeMultipartUploadAsync(BackendNames.backendBucket(ref), null,
                KeyCodec.encode(key), uploadId, list, null, null)).map(w -> MetadataCodec.unquote(w.etag()));
    }

    public Uni<Void> abortUpload(BucketRef ref, String key, String uploadId) {
        return call(() -> client.abortMultipartUploadAsync(BackendNames.backendBucket(ref), null,
                KeyCodec.encode(key), uploadId, null, null)).replaceWithVoid();
    }

    public Uni<UploadPage> listUploads(BucketRef ref, String prefix, String keyMarker, String uploadIdMarker,
            int max) {
        return call(() -> client.listMultipartUploadsAsync(BackendNames.backendBucket(ref), null, null, null,
                keyMarker == null ? null : KeyCodec.encode(keyMarker), max,
                prefix == null || prefix.isEmpty() ? null : KeyCodec.encodePrefix(prefix),
                uploadIdMarker, null, null)).map(r -> {
                    List<UploadInfo> uploads = new ArrayList<>();
                    for (Upload u : r.result().uploads()) {
                        String key = KeyCodec.decode(u.objectName());
                        if (prefix != null && !key.startsWith(prefix)) {
                            continue;
                        }
                        long initiated = u.initiated() == null ? 0 : u.initiated().toInstant().toEpochMilli();
                        uploads.add(new UploadInfo(key, u.uploadId(), initiated));
                    }
                    String nextKey = r.result().nextKeyMarker();
                    return new UploadPage(uploads, r.result().isTruncated(),
                            nextKey == null ? null : KeyCodec.decode(nextKey), r.result().nextUploadIdMarker());
                });
    }

    // ---------------------------------------------------------------- helpers

    private static ObjectInfo infoOf(String key, Response response, ServedRange[] rangeOut) {
        Headers headers = response.headers();
        long size = parseLong(headers.get("Content-Length"), 0);
        String contentRange = headers.get("Content-Range");
        if (contentRange != null) {
            Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
            if (m.matches()) {
                long start = Long.parseLong(m.group(1));
                long end = Long.parseLong(m.group(2));
                if (!m.group(3).equals("*")) {
                    size = Long.parseLong(m.group(3));
                }
                if (rangeOut != null) {
                    rangeOut[0] = new ServedRange(start, end - start + 1);
                }
            }
        }
        long modifiedMillis = HttpDates.parseRfc1123(headers.get("Last-Modified"));
        if (modifiedMillis == Long.MIN_VALUE) {
            Date modified = headers.getDate("Last-Modified");
            modifiedMillis = modified == null ? 0 : modified.getTime();
        }
        Map<String, String> meta = new HashMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(MetadataCodec.META)) {
                meta.put(lower.substring(MetadataCodec.META.length()), headers.get(name));
            }
        }
        return MetadataCodec.fromHeaders(key, size, headers.get("ETag"), modifiedMillis, headers::get, meta);
    }

    private static String etagOf(Response response) {
        try (response) {
            String etag = response.header("ETag");
            if (etag == null) {
                ResponseBody body = response.body();
                if (body != null) {
                    Matcher m = ETAG_XML.matcher(body.string());
                    if (m.find()) {
                        etag = m.group(1).replace("&quot;", "\"");
                    }
                }
            }
            return MetadataCodec.unquote(etag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listings are requested with encoding-type=url so any key survives XML; undo it. */
    private static String listedName(String name, boolean urlEncoded) {
        return urlEncoded ? URLDecoder.decode(name, StandardCharsets.UTF_8) : name;
    }

    private static long parseLong(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private <T> Uni<T> call(CheckedSupplier<? extends CompletionStage<T>> action) {
        return Uni.createFrom().<T>completionStage(() -> {
            try {
                return action.get();
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }).onFailure().transform(BackendErrors::map);
    }

    @FunctionalInterface
    private interface CheckedSupplier<T> {
        T get() throws Exception;
    }
}
