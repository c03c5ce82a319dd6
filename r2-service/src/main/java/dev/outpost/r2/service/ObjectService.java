package dev.outpost.r2.service;

import dev.outpost.r2.config.R2Config;
import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.error.R2Exception;
import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.model.Checksums;
import dev.outpost.r2.model.HttpMetadata;
import dev.outpost.r2.model.ListPage;
import dev.outpost.r2.model.ListQuery;
import dev.outpost.r2.model.ObjectInfo;
import dev.outpost.r2.model.PartInfo;
import dev.outpost.r2.model.ServedRange;
import dev.outpost.r2.storage.BackendPage;
import dev.outpost.r2.storage.KeyCodec;
import dev.outpost.r2.storage.MetadataCodec;
import dev.outpost.r2.storage.ObjectBody;
import dev.outpost.r2.storage.ObjectStore;
import dev.outpost.r2.storage.UploadPage;
import dev.outpost.r2.stream.VerifyingInputStream;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * R2 object semantics, shared by the gRPC binding API and the S3 API: key and size limits (R2-9),
 * conditionals (R2-5), ranges (R2-4), checksums and metadata (R2-3/R2-6), listing (R2-7) and the
 * multipart rules (R2-8). Transports only translate to and from this class.
 */
@ApplicationScoped
public class ObjectService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Skipping past every key under a delimited prefix: the largest code point sorts after all of them. */
    private static final String AFTER_ALL = "\uDBFF\uDFFF";
    /** Emulated (non-'/') delimiters scan at most this many backend pages per call. */
    private static final int MAX_SCAN_PAGES = 10;

    private final ObjectStore store;
    private final R2Config config;

    public ObjectService(ObjectStore store, R2Config config) {
        this.store = store;
        this.config = config;
    }

    /** Where blocking reads of object bodies run (never an event loop). */
    public java.util.concurrent.Executor blockingExecutor() {
        return store.blockingExecutor();
    }

    // ------------------------------------------------------------------ read

    public Uni<Optional<ObjectInfo>> head(BucketRef bucket, String key) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(key);
            return store.head(bucket, key);
        });
    }

    /**
     * R2-2/R2-4 get. Null item when the object does not exist. {@code precondition} judges the
     * object (R2 onlyIf or HTTP conditionals); when it fails the body is released and the result
     * carries only the object.
     */
    public Uni<GetResult> get(BucketRef bucket, String key, RangeSpec range, Predicate<ObjectInfo> precondition) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(key);
            String rangeHeader = range == null || range.isEmpty() ? null : range.toHeader();
            return store.get(bucket, key, rangeHeader)
                    .onFailure(f -> f instanceof R2Exception r && r.error() == R2Error.INVALID_RANGE && range != null)
                    .recoverWithUni(() -> emptyRangeOrFail(bucket, key, range))
                    .map(body -> body == null ? null : toResult(body, precondition));
        });
    }

    /** Backends refuse ranges that start at the end; R2 serves them empty when offset == size. */
    private Uni<ObjectBody> emptyRangeOrFail(BucketRef bucket, String key, RangeSpec range) {
        return store.head(bucket, key).map(found -> {
            if (found.isEmpty()) {
                return null;
            }
            ObjectInfo info = found.get();
            long offset = range.offset() == null ? 0 : range.offset();
            if (range.suffix() == null && offset == info.size()) {
                return new ObjectBody(info, new ServedRange(offset, 0), InputStream.nullInputStream());
            }
            throw R2Error.INVALID_RANGE.exception();
        });
    }

    private GetResult toResult(ObjectBody body, Predicate<ObjectInfo> precondition) {
        if (precondition != null && !precondition.test(body.info())) {
            try {
                body.body().close(); // releases the backend connection; nothing of the body is sent
            } catch (java.io.IOException | RuntimeException ignored) {
                // a half-read backend response only costs its connection
            }
            return new GetResult(body.info(), false, null, null);
        }
        return new GetResult(body.info(), true, body.range(), body.body());
    }

    // ------------------------------------------------------------------ write

    /**
     * R2-2/R2-6 put. The body streams to the backend; length and the expected digest are checked
     * before its last bytes are sent, so a bad body is never stored. With onlyIf, the object is read
     * first and the write is made conditional on what was seen (If-Match of that ETag, or
     * If-None-Match: * when absent), so a concurrent writer makes the put fail instead of being
     * overwritten unnoticed.
     */
    public Uni<PutResult> put(PutCommand cmd, UploadBody body) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(cmd.key());
            Limits.checkLength(body.length());
            Map<String, String> custom = cmd.customMetadata() == null ? Map.of() : cmd.customMetadata();
            checkMetadata(custom);
            List<VerifyingInputStream.Expectation> checks = Limits.expectations(cmd.expected());
            String version = newVersion();
            Checksums stored = cmd.expected() == null ? Checksums.NONE : cmd.expected().withMd5(null);
            Map<String, String> headers = MetadataCodec.toHeaders(cmd.httpMetadata(), custom, version, stored,
                    storageClass(cmd.storageClass()));
            R2Conditional onlyIf = cmd.onlyIf() == null ? R2Conditional.NONE : cmd.onlyIf();
            Uni<Map<String, String>> guard = onlyIf.isEmpty() ? Uni.createFrom().item(Map.of())
                    : store.head(cmd.bucket(), cmd.key()).map(seen -> {
                        ObjectInfo current = seen.orElse(null);
                        if (!Preconditions.r2Passes(onlyIf, current)) {
                            return null;
                        }
                        return current == null ? Map.of("If-None-Match", "*")
                                : Map.of("If-Match", current.httpEtag());
                    });
            return guard.chain(conditions -> {
                if (conditions == null) {
                    body.discard().run();
                    return Uni.createFrom().item(new PutResult(false, null));
                }
                InputStream verified = new VerifyingInputStream(body.stream(), body.length(), checks);
                return store.put(cmd.bucket(), cmd.key(), headers, conditions, verified, body.length())
                        .chain(etag -> describe(cmd, version, etag, body.length(), stored))
                        .map(info -> new PutResult(true, info))
                        .onFailure(f -> f instanceof R2Exception r && r.error() == R2Error.PRECONDITION_FAILED
                                && !onlyIf.isEmpty())
                        .recoverWithItem(new PutResult(false, null))
                        .onFailure().invoke(() -> body.discard().run());
            });
        });
    }

    /** The R2Object of a completed write: read back when the caller needs all of it. */
    private Uni<ObjectInfo> describe(PutCommand cmd, String version, String etag, long length, Checksums stored) {
        ObjectInfo local = new ObjectInfo(cmd.key(), version, length, etag,
                MetadataCodec.truncateToSeconds(System.currentTimeMillis()),
                cmd.httpMetadata() == null ? HttpMetadata.EMPTY : cmd.httpMetadata(),
                cmd.customMetadata() == null ? Map.of() : cmd.customMetadata(),
                etag.matches("^[0-9a-f]{32}$") ? stored.withMd5(HexFormat.of().parseHex(etag)) : stored,
                storageClass(cmd.storageClass()));
        if (!cmd.returnObject()) {
            return Uni.createFrom().item(local);
        }
        return store.head(cmd.bucket(), cmd.key()).map(found -> found
                .filter(info -> version.equals(info.version()))
                .orElse(local));
    }

    /** R2-2 delete: one or many keys, missing ones ignored. */
    public Uni<Void> delete(BucketRef bucket, List<String> keys) {
        return Uni.createFrom().deferred(() -> {
            if (keys.size() > Limits.MAX_DELETE_KEYS) {
                throw R2Error.INVALID_ARGUMENT.exception("At most 1000 keys can be deleted at once.");
            }
            keys.forEach(Limits::checkKey);
            return store.delete(bucket, keys);
        });
    }

    /**
     * S3 CopyObject: a new object (new version) with either the source's metadata (COPY), the
     * given metadata (REPLACE) or the source's custom metadata updated by the given (MERGE).
     */
    public Uni<ObjectInfo> copy(BucketRef source, String sourceKey, BucketRef target, String targetKey,
            String directive, HttpMetadata http, Map<String, String> custom, String storageClass,
            Predicate<ObjectInfo> sourcePrecondition) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(sourceKey);
            Limits.checkKey(targetKey);
            return store.head(source, sourceKey).chain(found -> {
                ObjectInfo src = found.orElseThrow(R2Error.NO_SUCH_KEY::exception);
                if (sourcePrecondition != null && !sourcePrecondition.test(src)) {
                    throw R2Error.PRECONDITION_FAILED.exception();
                }
                HttpMetadata newHttp;
                Map<String, String> newCustom;
                switch (directive == null ? "COPY" : directive) {
                    case "REPLACE" -> {
                        newHttp = http;
                        newCustom = custom;
                    }
                    case "MERGE" -> {
                        newHttp = http;
                        newCustom = new LinkedHashMap<>(src.customMetadata());
                        newCustom.putAll(custom);
                    }
                    case "COPY" -> {
                        if (source.equals(target) && sourceKey.equals(targetKey)) {
                            throw R2Error.INVALID_REQUEST.exception("This copy request is illegal because it is "
                                    + "trying to copy an object to itself without changing the object's metadata.");
                        }
                        newHttp = src.httpMetadata();
                        newCustom = src.customMetadata();
                    }
                    default -> throw R2Error.INVALID_ARGUMENT.exception("Unknown metadata directive.");
                }
                checkMetadata(newCustom);
                String version = newVersion();
                Map<String, String> headers = MetadataCodec.toHeaders(newHttp, newCustom, version,
                        src.checksums().withMd5(null),
                        storageClass(storageClass == null ? src.storageClass() : storageClass));
                return store.copy(source, sourceKey, target, targetKey, headers)
                        .chain(etag -> store.head(target, targetKey))
                        .map(after -> after.orElseThrow(R2Error.NO_SUCH_KEY::exception));
            });
        });
    }

    // ------------------------------------------------------------------ list

    /**
     * R2-7 list. Keys come in backend order (byte order). The cursor is opaque: the stored key to
     * continue after. A '/' delimiter is the backend's own; any other delimiter is applied here,
     * scanning at most a few backend pages per call (R2 allows short pages; clients loop on truncated).
     */
    public Uni<ListPage> list(BucketRef bucket, ListQuery query) {
        return Uni.createFrom().deferred(() -> {
            int limit = query.limit() == 0 ? Limits.MAX_LIST : query.limit();
            if (limit < 1 || limit > Limits.MAX_LIST) {
                throw R2Error.INVALID_MAX_KEYS.exception();
            }
            String prefix = query.prefix() == null ? "" : query.prefix();
            String delimiter = query.delimiter() == null || query.delimiter().isEmpty() ? null : query.delimiter();
            String after;
            if (query.cursor() != null && !query.cursor().isEmpty()) {
                after = decodeCursor(query.cursor());
            } else if (query.startAfter() != null && !query.startAfter().isEmpty()) {
                after = KeyCodec.encode(query.startAfter());
                if (delimiter != null && isDelimitedPrefix(query.startAfter(), prefix, delimiter)) {
                    after = after + AFTER_ALL;
                }
            } else {
                after = null;
            }
            String storedPrefix = KeyCodec.encodePrefix(prefix);
            if (after != null && !storedPrefix.isEmpty() && after.compareTo(storedPrefix) < 0) {
                after = null;
            }
            Uni<ListPage> page = "/".equals(delimiter)
                    ? nativeList(bucket, prefix, storedPrefix, after, limit)
                    : scanList(bucket, prefix, storedPrefix, delimiter, after, limit, new Accumulator(), 0);
            boolean wantHttp = query.includeHttpMetadata();
            boolean wantCustom = query.includeCustomMetadata();
            return page.chain(p -> wantHttp || wantCustom ? withMetadata(bucket, p, wantHttp, wantCustom)
                    : Uni.createFrom().item(p));
        });
    }

    private static boolean isDelimitedPrefix(String marker, String prefix, String delimiter) {
        return marker.startsWith(prefix) && marker.endsWith(delimiter)
                && marker.indexOf(delimiter, prefix.length()) == marker.length() - delimiter.length();
    }

    private Uni<ListPage> nativeList(BucketRef bucket, String prefix, String storedPrefix, String after, int limit) {
        return store.list(bucket, storedPrefix, "/", after, limit).map(page -> {
            // Merge objects and prefixes in stored order so the cursor is the last item actually returned.
            List<ObjectInfo> objects = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            String lastStored = null;
            String lastItem = null;
            int oi = 0;
            int pi = 0;
            while (oi < page.storedKeys().size() || pi < page.storedPrefixes().size()) {
                boolean takeObject = pi >= page.storedPrefixes().size() || (oi < page.storedKeys().size()
                        && page.storedKeys().get(oi).compareTo(page.storedPrefixes().get(pi)) < 0);
                if (takeObject) {
                    ObjectInfo o = page.objects().get(oi);
                    lastStored = page.storedKeys().get(oi++);
                    lastItem = o.key();
                    if (o.key().startsWith(prefix)) {
                        objects.add(o);
                    }
                } else {
                    String p = page.prefixes().get(pi);
                    lastStored = page.storedPrefixes().get(pi++) + AFTER_ALL;
                    lastItem = p;
                    if (p.startsWith(prefix) && p.length() > prefix.length()) {
                        prefixes.add(p);
                    } else if (p.startsWith(prefix)) {
                        // the prefix itself ends at a '/', the group is the prefix: nothing to add
                        prefixes.add(p);
                    }
                }
            }
            boolean truncated = page.truncated() && lastStored != null;
            return new ListPage(objects, prefixes, truncated, truncated ? encodeCursor(lastStored) : null,
                    truncated ? lastItem : null);
        });
    }

    /** Accumulates a scanned listing with a non-'/' (or no) delimiter. */
    private static final class Accumulator {
        final List<ObjectInfo> objects = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        String lastStored;
        String lastItem;
        String lastGroup;

        int size() {
            return objects.size() + prefixes.size();
        }

        /** Where the next backend call starts: past the whole last group when that can be said exactly. */
        String resume() {
            if (lastGroup != null) {
                String stored = KeyCodec.encodePrefix(lastGroup);
                if (stored.equals(KeyCodec.encode(lastGroup))) {
                    return stored + AFTER_ALL;
                }
            }
            return lastStored;
        }
    }

    private Uni<ListPage> scanList(BucketRef bucket, String prefix, String storedPrefix, String delimiter,
            String after, int limit, Accumulator acc, int pages) {
        int want = delimiter == null ? limit - acc.size() : Limits.MAX_LIST;
        return store.list(bucket, storedPrefix, null, after, Math.min(want, Limits.MAX_LIST)).chain(page -> {
            boolean full = false;
            for (int i = 0; i < page.objects().size(); i++) {
                ObjectInfo o = page.objects().get(i);
                String stored = page.storedKeys().get(i);
                if (!o.key().startsWith(prefix)) {
                    acc.lastStored = stored;
                    continue;
                }
                int at = delimiter == null ? -1 : o.key().indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    String group = o.key().substring(0, at + delimiter.length());
                    if (group.equals(acc.lastGroup)) {
                        acc.lastStored = stored;
                        continue;
                    }
                    if (acc.size() >= limit) {
                        full = true;
                        break;
                    }
                    acc.prefixes.add(group);
                    acc.lastGroup = group;
                    acc.lastItem = group;
                } else {
                    if (acc.size() >= limit) {
                        full = true;
                        break;
                    }
                    acc.objects.add(o);
                    acc.lastGroup = null;
                    acc.lastItem = o.key();
                }
                acc.lastStored = stored;
            }
            if (full || (page.truncated() && acc.size() >= limit)) {
                return Uni.createFrom().item(finish(acc, true));
            }
            if (!page.truncated()) {
                return Uni.createFrom().item(finish(acc, false));
            }
            if (pages + 1 >= MAX_SCAN_PAGES || acc.lastStored == null) {
                return Uni.createFrom().item(finish(acc, acc.lastStored != null));
            }
            return scanList(bucket, prefix, storedPrefix, delimiter, acc.resume(), limit, acc, pages + 1);
        });
    }

    private ListPage finish(Accumulator acc, boolean truncated) {
        String resume = truncated ? acc.resume() : null;
        boolean more = resume != null;
        return new ListPage(acc.objects, acc.prefixes, more, more ? encodeCursor(resume) : null,
                more ? acc.lastItem : null);
    }

    /** R2-7 include: S3 listings carry no metadata, so fetch it per object (bounded concurrency). */
    private Uni<ListPage> withMetadata(BucketRef bucket, ListPage page, boolean http, boolean custom) {
        if (page.objects().isEmpty()) {
            return Uni.createFrom().item(page);
        }
        List<Uni<ObjectInfo>> heads = new ArrayList<>();
        for (ObjectInfo o : page.objects()) {
            heads.add(store.head(bucket, o.key()).map(found -> found
                    .filter(f -> f.etag().equals(o.etag()))
                    .map(f -> f.withoutMetadata(http, custom))
                    .orElse(o)));
        }
        return Multi.createFrom().iterable(heads)
                .onItem().transformToUni(u -> u).merge(config.limits().listMetadataConcurrency())
                .collect().asList()
                .map(fetched -> {
                    Map<String, ObjectInfo> byKey = new HashMap<>();
                    fetched.forEach(f -> byKey.put(f.key(), f));
                    List<ObjectInfo> ordered = new ArrayList<>();
                    page.objects().forEach(o -> ordered.add(byKey.getOrDefault(o.key(), o)));
                    return new ListPage(ordered, page.delimitedPrefixes(), page.truncated(), page.cursor(),
                            page.lastItem());
                });
    }

    static String encodeCursor(String storedAfter) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(storedAfter.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw R2Error.INVALID_ARGUMENT.exception("The cursor is not valid.");
        }
    }

    // ------------------------------------------------------------------ multipart (R2-8)

    public Uni<String> createMultipartUpload(BucketRef bucket, String key, HttpMetadata http,
            Map<String, String> custom, String storageClass) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(key);
            Map<String, String> meta = custom == null ? Map.of() : custom;
            checkMetadata(meta);
            Map<String, String> headers = MetadataCodec.toHeaders(http, meta, newVersion(), null,
                    storageClass(storageClass));
            return store.createUpload(bucket, key, headers);
        });
    }

    public Uni<String> uploadPart(BucketRef bucket, String key, String uploadId, int partNumber, UploadBody body,
            Checksums expected) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(key);
            checkPartNumber(partNumber);
            if (body.length() < 0) {
                throw R2Error.INVALID_ARGUMENT.exception("The length of a part must be known.");
            }
            Limits.checkLength(body.length());
            List<VerifyingInputStream.Expectation> checks = Limits.expectations(expected);
            InputStream verified = new VerifyingInputStream(body.stream(), body.length(), checks);
            String id = requireUploadId(uploadId);
            return store.requireUpload(bucket, key, id)
                    .chain(() -> store.uploadPart(bucket, key, id, partNumber, verified, body.length()))
                    .onFailure().invoke(() -> body.discard().run());
        });
    }

    public Uni<String> uploadPartCopy(BucketRef bucket, String key, String uploadId, int partNumber, BucketRef source,
            String sourceKey, String range, Predicate<ObjectInfo> sourcePrecondition) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(key);
            Limits.checkKey(sourceKey);
            checkPartNumber(partNumber);
            return store.head(source, sourceKey).chain(found -> {
                ObjectInfo src = found.orElseThrow(R2Error.NO_SUCH_KEY::exception);
                if (sourcePrecondition != null && !sourcePrecondition.test(src)) {
                    throw R2Error.PRECONDITION_FAILED.exception();
                }
                String id = requireUploadId(uploadId);
                return store.requireUpload(bucket, key, id).chain(() -> store.uploadPartCopy(bucket, key, id,
                        partNumber, source, sourceKey, range));
            });
        });
    }

    /**
     * R2-8 complete: every named part must exist with that ETag; all parts but the last must be at
     * least 5 MiB and of one size. Parts are taken in part-number order.
     */
    public Uni<ObjectInfo> completeMultipartUpload(BucketRef bucket, String key, String uploadId,
            List<PartInfo> requested) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(key);
            if (requested.isEmpty()) {
                throw R2Error.INVALID_PART.exception("You must specify at least one part.");
            }
            List<PartInfo> parts = new ArrayList<>(requested);
            parts.sort((a, b) -> Integer.compare(a.partNumber(), b.partNumber()));
            for (int i = 1; i < parts.size(); i++) {
                if (parts.get(i).partNumber() == parts.get(i - 1).partNumber()) {
                    throw R2Error.INVALID_PART.exception("Part " + parts.get(i).partNumber() + " is listed twice.");
                }
            }
            String id = requireUploadId(uploadId);
            return store.requireUpload(bucket, key, id).chain(() -> store.listParts(bucket, key, id)).chain(uploaded -> {
                Map<Integer, PartInfo> byNumber = new HashMap<>();
                uploaded.forEach(p -> byNumber.put(p.partNumber(), p));
                List<PartInfo> resolved = new ArrayList<>();
                for (PartInfo p : parts) {
                    PartInfo have = byNumber.get(p.partNumber());
                    if (have == null || !have.etag().equals(MetadataCodec.unquote(p.etag()))) {
                        throw R2Error.INVALID_PART.exception();
                    }
                    resolved.add(have);
                }
                long partSize = resolved.get(0).size();
                for (int i = 0; i < resolved.size() - 1; i++) {
                    PartInfo p = resolved.get(i);
                    if (p.size() < Limits.MIN_PART_BYTES) {
                        throw R2Error.ENTITY_TOO_SMALL.exception();
                    }
                    if (p.size() != partSize) {
                        throw R2Error.BAD_UPLOAD.exception("All non-trailing parts must have the same length.");
                    }
                }
                if (resolved.size() > 1 && resolved.get(resolved.size() - 1).size() > partSize) {
                    throw R2Error.BAD_UPLOAD.exception("The last part must not be larger than the other parts.");
                }
                return store.completeUpload(bucket, key, id, resolved);
            }).chain(etag -> store.head(bucket, key)).map(found -> found.orElseThrow(R2Error.NO_SUCH_KEY::exception));
        });
    }

    public Uni<Void> abortMultipartUpload(BucketRef bucket, String key, String uploadId) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(key);
            return store.abortUpload(bucket, key, requireUploadId(uploadId));
        });
    }

    public Uni<List<PartInfo>> listParts(BucketRef bucket, String key, String uploadId) {
        return Uni.createFrom().deferred(() -> {
            Limits.checkKey(key);
            String id = requireUploadId(uploadId);
            return store.requireUpload(bucket, key, id).chain(() -> store.listParts(bucket, key, id));
        });
    }

    public Uni<UploadPage> listUploads(BucketRef bucket, String prefix, String keyMarker, String uploadIdMarker,
            int max) {
        return store.listUploads(bucket, prefix, keyMarker, uploadIdMarker, max);
    }

    // ------------------------------------------------------------------ helpers

    private void checkMetadata(Map<String, String> custom) {
        if (MetadataCodec.customMetadataBytes(custom) > config.limits().maxMetadataBytes()) {
            throw R2Error.METADATA_TOO_LARGE.exception();
        }
    }

    private static void checkPartNumber(int partNumber) {
        if (partNumber < 1 || partNumber > Limits.MAX_PARTS) {
            throw R2Error.INVALID_ARGUMENT.exception("Part number must be an integer between 1 and 10000, inclusive.");
        }
    }

    private static String requireUploadId(String uploadId) {
        if (uploadId == null || uploadId.isEmpty()) {
            throw R2Error.NO_SUCH_UPLOAD.exception();
        }
        return uploadId;
    }

    static String storageClass(String requested) {
        if (requested == null || requested.isEmpty() || requested.equals("Standard") || requested.equals("STANDARD")) {
            return "Standard";
        }
        if (requested.equals("InfrequentAccess") || requested.equals("STANDARD_IA")) {
            return "InfrequentAccess";
        }
        throw R2Error.INVALID_ARGUMENT.exception("Invalid storage class: " + requested);
    }

    static String newVersion() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
