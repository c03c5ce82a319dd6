package dev.outpost.r2.s3;

import dev.outpost.r2.config.R2Config;
import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.model.HttpMetadata;
import dev.outpost.r2.model.ListPage;
import dev.outpost.r2.model.ListQuery;
import dev.outpost.r2.model.ObjectInfo;
import dev.outpost.r2.model.PartInfo;
import dev.outpost.r2.model.UploadInfo;
import dev.outpost.r2.service.BucketService;
import dev.outpost.r2.service.GetResult;
import dev.outpost.r2.service.ObjectService;
import dev.outpost.r2.service.Preconditions;
import dev.outpost.r2.service.PutCommand;
import dev.outpost.r2.service.R2Conditional;
import dev.outpost.r2.service.RangeSpec;
import dev.outpost.r2.service.UploadBody;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * The S3-compatible API (R2-10): maps each S3 operation onto {@link ObjectService} and
 * {@link BucketService} and renders S3 XML. Authentication happened before; every method answers
 * through the exchange.
 */
@ApplicationScoped
public class S3Api {

    private final ObjectService objects;
    private final BucketService buckets;
    private final R2Config config;
    private final S3Subresources subresources;

    public S3Api(ObjectService objects, BucketService buckets, R2Config config, S3Subresources subresources) {
        this.objects = objects;
        this.buckets = buckets;
        this.config = config;
        this.subresources = subresources;
    }

    /** Routes a verified request to its operation. */
    Uni<Void> dispatch(S3Exchange x) {
        HttpMethod m = x.method();
        if (x.bucket == null) {
            if (m == HttpMethod.GET) {
                return listBuckets(x);
            }
            throw R2Error.METHOD_NOT_ALLOWED.exception();
        }
        if (x.key == null) {
            return bucketOperation(x, m);
        }
        return objectOperation(x, m);
    }

    private Uni<Void> bucketOperation(S3Exchange x, HttpMethod m) {
        Uni<Void> sub = subresources.bucket(x, m);
        if (sub != null) {
            return sub;
        }
        if (m == HttpMethod.GET && x.hasQuery("versioning")) {
            return Uni.createFrom().item(() -> {
                x.sendXml(200, S3Xml.document("VersioningConfiguration").finish());
                return null;
            });
        }
        if (m == HttpMethod.GET && x.hasQuery("location")) {
            return buckets.requireExists(x.bucketRef()).invoke(() -> x.sendXml(200,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"" + S3Xml.NS
                            + "\">auto</LocationConstraint>"));
        }
        if (m == HttpMethod.GET && x.hasQuery("uploads")) {
            return listUploads(x);
        }
        if (m == HttpMethod.GET && x.hasQuery("versions")) {
            return listVersions(x);
        }
        if (m == HttpMethod.GET) {
            return "2".equals(x.queryParam("list-type")) ? listObjects(x, true) : listObjects(x, false);
        }
        if (m == HttpMethod.HEAD) {
            return buckets.requireExists(x.bucketRef()).invoke(() -> x.sendEmpty(200));
        }
        if (m == HttpMethod.PUT) {
            return buckets.create(x.bucketRef(), null, null).invoke(() -> {
                x.response.putHeader("Location", "/" + x.bucket);
                x.sendEmpty(200);
            }).replaceWithVoid();
        }
        if (m == HttpMethod.DELETE) {
            return buckets.delete(x.bucketRef()).invoke(() -> x.sendEmpty(204));
        }
        if (m == HttpMethod.POST && x.hasQuery("delete")) {
            return deleteObjects(x);
        }
        throw R2Error.METHOD_NOT_ALLOWED.exception();
    }

    private Uni<Void> objectOperation(S3Exchange x, HttpMethod m) {
        Uni<Void> sub = subresources.object(x, m);
        if (sub != null) {
            return sub;
        }
        String versionId = x.queryParam("versionId");
        if (versionId != null && !versionId.equals("null")) {
            // every object here is version "null" (see ListObjectVersions); other ids cannot exist
            throw R2Error.INVALID_ARGUMENT.exception("Invalid version id specified");
        }
        boolean copy = x.header("x-amz-copy-source") != null;
        if (m == HttpMethod.PUT) {
            if (x.hasQuery("uploadId") || x.hasQuery("partNumber")) {
                return copy ? uploadPartCopy(x) : uploadPart(x);
            }
            return copy ? copyObject(x) : putObject(x);
        }
        if (m == HttpMethod.GET) {
            return x.hasQuery("uploadId") ? listParts(x) : getObject(x, false);
        }
        if (m == HttpMethod.HEAD) {
            return getObject(x, true);
        }
        if (m == HttpMethod.DELETE) {
            if (x.hasQuery("uploadId")) {
                return objects.abortMultipartUpload(x.bucketRef(), x.key, x.queryParam("uploadId"))
                        .invoke(() -> x.sendEmpty(204));
            }
            return objects.delete(x.bucketRef(), List.of(x.key)).invoke(() -> x.sendEmpty(204));
        }
        if (m == HttpMethod.POST && x.hasQuery("uploads")) {
            return createUpload(x);
        }
        if (m == HttpMethod.POST && x.hasQuery("uploadId")) {
            return completeUpload(x);
        }
        throw R2Error.METHOD_NOT_ALLOWED.exception();
    }

    // ------------------------------------------------------------------ buckets

    private Uni<Void> listBuckets(S3Exchange x) {
        BucketRef scope = new BucketRef(x.auth.principal().accountId(), "", "");
        String prefix = x.header("cf-prefix") != null ? x.header("cf-prefix") : x.queryParam("prefix");
        String after = x.header("cf-start-after") != null ? x.header("cf-start-after")
                : x.queryParam("continuation-token");
        int max = parseInt(x.header("cf-max-keys") != null ? x.header("cf-max-keys") : x.queryParam("max-buckets"),
                1000);
        return buckets.list(scope, prefix, after, max).invoke(page -> {
            S3Xml xml = S3Xml.document("ListAllMyBucketsResult")
                    .start("Owner").element("ID", x.auth.principal().accountId())
                    .element("DisplayName", x.auth.principal().accountId()).end()
                    .start("Buckets");
            for (var b : page.buckets()) {
                xml.start("Bucket").element("Name", b.name()).element("CreationDate", S3Xml.date(b.creationDate()))
                        .end();
            }
            xml.end();
            if (page.truncated() && !page.buckets().isEmpty()) {
                String next = page.buckets().get(page.buckets().size() - 1).name();
                xml.element("ContinuationToken", next);
                x.response.putHeader("cf-is-truncated", "true");
                x.response.putHeader("cf-next-continuation-token", next);
            }
            x.sendXml(200, xml.finish());
        }).replaceWithVoid();
    }

    private Uni<Void> listObjects(S3Exchange x, boolean v2) {
        int maxKeys = parseInt(x.queryParam("max-keys"), 1000);
        if (maxKeys < 0) {
            throw R2Error.INVALID_ARGUMENT.exception("max-keys must be a non-negative integer.");
        }
        String prefix = nullToEmpty(x.queryParam("prefix"));
        String delimiter = x.queryParam("delimiter");
        boolean url = "url".equals(x.queryParam("encoding-type"));
        String token = v2 ? x.queryParam("continuation-token") : null;
        String startAfter = v2 ? x.queryParam("start-after") : x.queryParam("marker");
        Uni<ListPage> page;
        if (maxKeys == 0) {
            page = buckets.requireExists(x.bucketRef()).map(v -> new ListPage(List.of(), List.of(), false, null, null));
        } else {
            page = objects.list(x.bucketRef(), new ListQuery(prefix, delimiter, token, startAfter,
                    Math.min(maxKeys, 1000), false, false));
        }
        return page.invoke(p -> {
            S3Xml xml = S3Xml.document("ListBucketResult")
                    .element("Name", x.bucket)
                    .element("Prefix", enc(prefix, url));
            if (v2) {
                xml.element("KeyCount", p.objects().size() + p.delimitedPrefixes().size());
                if (token != null) {
                    xml.element("ContinuationToken", token);
                }
                if (p.truncated()) {
                    xml.element("NextContinuationToken", p.cursor());
                }
                if (startAfter != null) {
                    xml.element("StartAfter", enc(startAfter, url));
                }
            } else {
                xml.element("Marker", enc(nullToEmpty(startAfter), url));
                if (p.truncated()) {
                    xml.element("NextMarker", enc(p.lastItem(), url));
                }
            }
            xml.element("MaxKeys", maxKeys);
            if (delimiter != null) {
                xml.element("Delimiter", enc(delimiter, url));
            }
            if (url) {
                xml.element("EncodingType", "url");
            }
            xml.element("IsTruncated", p.truncated());
            boolean owner = !v2 || "true".equals(x.queryParam("fetch-owner"));
            for (ObjectInfo o : p.objects()) {
                xml.start("Contents")
                        .element("Key", enc(o.key(), url))
                        .element("LastModified", S3Xml.date(o.uploaded()))
                        .element("ETag", o.httpEtag())
                        .element("Size", o.size())
                        .element("StorageClass", "InfrequentAccess".equals(o.storageClass()) ? "STANDARD_IA" : "STANDARD");
                if (owner) {
                    xml.start("Owner").element("ID", x.auth.principal().accountId())
                            .element("DisplayName", x.auth.principal().accountId()).end();
                }
                xml.end();
            }
            for (String cp : p.delimitedPrefixes()) {
                xml.start("CommonPrefixes").element("Prefix", enc(cp, url)).end();
            }
            x.sendXml(200, xml.finish());
        }).replaceWithVoid();
    }

    /**
     * ListObjectVersions on a bucket that never had versioning: every object is its one and latest version, with
     * version id "null", as S3 lists objects written before versioning was enabled. Tools that empty buckets
     * (Terraform's force_destroy, aws s3api scripts) list versions and delete them by key.
     */
    private Uni<Void> listVersions(S3Exchange x) {
        int maxKeys = parseInt(x.queryParam("max-keys"), 1000);
        if (maxKeys < 0) {
            throw R2Error.INVALID_ARGUMENT.exception("max-keys must be a non-negative integer.");
        }
        String prefix = nullToEmpty(x.queryParam("prefix"));
        String delimiter = x.queryParam("delimiter");
        boolean url = "url".equals(x.queryParam("encoding-type"));
        String keyMarker = x.queryParam("key-marker");
        String versionMarker = x.queryParam("version-id-marker");
        if (versionMarker != null && !versionMarker.isEmpty() && !versionMarker.equals("null")) {
            throw R2Error.INVALID_ARGUMENT.exception("Invalid version id specified");
        }
        Uni<ListPage> page = maxKeys == 0
                ? buckets.requireExists(x.bucketRef()).map(v -> new ListPage(List.of(), List.of(), false, null, null))
                : objects.list(x.bucketRef(), new ListQuery(prefix, delimiter, null,
                        keyMarker == null || keyMarker.isEmpty() ? null : keyMarker, Math.min(maxKeys, 1000), false,
                        false));
        return page.invoke(p -> {
            String owner = x.auth.principal().accountId();
            S3Xml xml = S3Xml.document("ListVersionsResult")
                    .element("Name", x.bucket)
                    .element("Prefix", enc(prefix, url))
                    .element("KeyMarker", enc(nullToEmpty(keyMarker), url))
                    .element("VersionIdMarker", nullToEmpty(versionMarker))
                    .element("MaxKeys", maxKeys);
            if (delimiter != null) {
                xml.element("Delimiter", enc(delimiter, url));
            }
            if (url) {
                xml.element("EncodingType", "url");
            }
            xml.element("IsTruncated", p.truncated());
            if (p.truncated()) {
                xml.element("NextKeyMarker", enc(p.lastItem(), url)).element("NextVersionIdMarker", "null");
            }
            for (ObjectInfo o : p.objects()) {
                xml.start("Version")
                        .element("Key", enc(o.key(), url))
                        .element("VersionId", "null")
                        .element("IsLatest", true)
                        .element("LastModified", S3Xml.date(o.uploaded()))
                        .element("ETag", o.httpEtag())
                        .element("Size", o.size())
                        .element("StorageClass", "InfrequentAccess".equals(o.storageClass()) ? "STANDARD_IA" : "STANDARD")
                        .start("Owner").element("ID", owner).element("DisplayName", owner).end()
                        .end();
            }
            for (String cp : p.delimitedPrefixes()) {
                xml.start("CommonPrefixes").element("Prefix", enc(cp, url)).end();
            }
            x.sendXml(200, xml.finish());
        }).replaceWithVoid();
    }

    private Uni<Void> deleteObjects(S3Exchange x) {
        return x.smallBody().chain(body -> {
            Element root = S3Xml.parse(body);
            boolean quiet = "true".equalsIgnoreCase(S3Xml.text(root, "Quiet"));
            List<String> keys = new ArrayList<>();
            for (Element o : S3Xml.children(root, "Object")) {
                String k = S3Xml.text(o, "Key");
                if (k == null) {
                    throw R2Error.MALFORMED_XML.exception();
                }
                keys.add(k);
            }
            if (keys.size() > 1000) {
                throw R2Error.MALFORMED_XML.exception("The request must not contain more than 1000 keys.");
            }
            return objects.delete(x.bucketRef(), keys).invoke(() -> {
                S3Xml xml = S3Xml.document("DeleteResult");
                if (!quiet) {
                    for (String k : keys) {
                        xml.start("Deleted").element("Key", k).end();
                    }
                }
                x.sendXml(200, xml.finish());
            });
        });
    }

    // ------------------------------------------------------------------ objects

    private Uni<Void> putObject(S3Exchange x) {
        HttpMetadata http = S3Headers.httpMetadata(x.headers());
        Map<String, String> custom = S3Headers.customMetadata(x.headers());
        R2Conditional onlyIf = Preconditions.fromHttp(x.header("If-Match"), x.header("If-None-Match"),
                S3Headers.httpDate(x.header("If-Modified-Since")), S3Headers.httpDate(x.header("If-Unmodified-Since")));
        PutCommand cmd = new PutCommand(x.bucketRef(), x.key, http, custom, onlyIf, S3Headers.expected(x.headers()),
                S3Headers.storageClass(x.header("x-amz-storage-class")), false);
        UploadBody body = x.uploadBody(config.limits().uploadBufferBytes());
        return objects.put(cmd, body).invoke(result -> {
            if (!result.written()) {
                throw R2Error.PRECONDITION_FAILED.exception();
            }
            x.response.putHeader("ETag", result.object().httpEtag());
            x.echoChecksums();
            x.sendEmpty(200);
        }).replaceWithVoid();
    }

    private Uni<Void> getObject(S3Exchange x, boolean headOnly) {
        String ifMatch = x.header("If-Match");
        String ifNoneMatch = x.header("If-None-Match");
        Long ims = S3Headers.httpDate(x.header("If-Modified-Since"));
        Long ius = S3Headers.httpDate(x.header("If-Unmodified-Since"));
        Predicate<ObjectInfo> condition = info -> Preconditions.http(info, ifMatch, ifNoneMatch, ims, ius, true)
                == Preconditions.Outcome.PROCEED;
        Map<String, String> overrides = new HashMap<>();
        for (String o : new String[] {"response-content-type", "response-content-language", "response-expires",
                "response-cache-control", "response-content-disposition", "response-content-encoding"}) {
            if (x.hasQuery(o)) {
                overrides.put(o, x.queryParam(o));
            }
        }
        // checksums describe whole objects: answered when asked for, and not on ranged reads (as on S3)
        boolean checksumMode = "ENABLED".equalsIgnoreCase(x.header("x-amz-checksum-mode"));
        if (headOnly) {
            return objects.head(x.bucketRef(), x.key).invoke(found -> {
                ObjectInfo o = found.orElseThrow(R2Error.NO_SUCH_KEY::exception);
                failIfConditionsFail(x, o, ifMatch, ifNoneMatch, ims, ius);
                S3Headers.write(x.response, o, overrides);
                if (checksumMode) {
                    S3Headers.writeChecksums(x.response, o);
                }
                x.response.putHeader("Content-Length", Long.toString(o.size()));
                x.sendEmpty(200);
            }).replaceWithVoid();
        }
        RangeSpec range = RangeSpec.fromHeader(x.header("Range"));
        return objects.get(x.bucketRef(), x.key, range, condition).invoke((GetResult result) -> {
            if (result == null) {
                throw R2Error.NO_SUCH_KEY.exception();
            }
            ObjectInfo o = result.object();
            if (!result.preconditionMet()) {
                failIfConditionsFail(x, o, ifMatch, ifNoneMatch, ims, ius);
            }
            S3Headers.write(x.response, o, overrides);
            long length = result.range() == null ? o.size() : result.range().length();
            x.response.putHeader("Content-Length", Long.toString(length));
            if (result.range() != null && range != null) {
                long start = result.range().offset();
                x.response.putHeader("Content-Range", length == 0 ? "bytes */" + o.size()
                        : "bytes " + start + "-" + (start + length - 1) + "/" + o.size());
                x.response.setStatusCode(206);
            } else {
                if (checksumMode) {
                    S3Headers.writeChecksums(x.response, o);
                }
                x.response.setStatusCode(200);
            }
            x.sendBody(result.stream(), length, objects.blockingExecutor(), config.limits().chunkBytes());
        }).replaceWithVoid();
    }

    private static void failIfConditionsFail(S3Exchange x, ObjectInfo o, String ifMatch, String ifNoneMatch, Long ims,
            Long ius) {
        Preconditions.Outcome outcome = Preconditions.http(o, ifMatch, ifNoneMatch, ims, ius, true);
        if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
            x.response.putHeader("ETag", o.httpEtag());
            x.response.putHeader("Last-Modified", S3Headers.httpDate(o.uploaded()));
            throw R2Error.NOT_MODIFIED.exception();
        }
        if (outcome == Preconditions.Outcome.PRECONDITION_FAILED) {
            throw R2Error.PRECONDITION_FAILED.exception();
        }
    }

    /** x-amz-copy-source: "/bucket/key" or "bucket/key", URL-encoded, in the caller's account. */
    private record CopySource(BucketRef bucket, String key) {
    }

    private CopySource copySource(S3Exchange x) {
        String raw = x.header("x-amz-copy-source");
        int q = raw.indexOf('?');
        if (q >= 0) {
            if (raw.substring(q + 1).startsWith("versionId=") && !raw.substring(q + 1).equals("versionId=null")) {
                throw R2Error.NOT_IMPLEMENTED.exception("Versioned copy sources are not supported.");
            }
            raw = raw.substring(0, q);
        }
        String decoded = AwsUri.decode(raw);
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw R2Error.INVALID_ARGUMENT.exception("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        return new CopySource(x.bucketRef(decoded.substring(0, slash)), decoded.substring(slash + 1));
    }

    private static Predicate<ObjectInfo> copySourceCondition(S3Exchange x) {
        String ifMatch = x.header("x-amz-copy-source-if-match");
        String ifNoneMatch = x.header("x-amz-copy-source-if-none-match");
        Long ims = S3Headers.httpDate(x.header("x-amz-copy-source-if-modified-since"));
        Long ius = S3Headers.httpDate(x.header("x-amz-copy-source-if-unmodified-since"));
        if (ifMatch == null && ifNoneMatch == null && ims == null && ius == null) {
            return null;
        }
        // S3 answers every failed copy-source condition with 412
        return info -> Preconditions.http(info, ifMatch, ifNoneMatch, ims, ius, true) == Preconditions.Outcome.PROCEED;
    }

    private Uni<Void> copyObject(S3Exchange x) {
        CopySource src = copySource(x);
        String directive = x.header("x-amz-metadata-directive");
        directive = directive == null ? "COPY" : directive.toUpperCase(java.util.Locale.ROOT);
        HttpMetadata http = S3Headers.httpMetadata(x.headers());
        Map<String, String> custom = S3Headers.customMetadata(x.headers());
        String storageClass = x.header("x-amz-storage-class") == null ? null
                : S3Headers.storageClass(x.header("x-amz-storage-class"));
        return objects.copy(src.bucket(), src.key(), x.bucketRef(), x.key, directive, http, custom, storageClass,
                copySourceCondition(x)).onFailure(S3Api::isNoSuchKey).recoverWithUni(f -> missingSource(src, f))
                .invoke(o -> x.sendXml(200, S3Xml.document("CopyObjectResult")
                        .element("LastModified", S3Xml.date(o.uploaded()))
                        .element("ETag", o.httpEtag())
                        .finish())).replaceWithVoid();
    }

    // ------------------------------------------------------------------ multipart

    private Uni<Void> createUpload(S3Exchange x) {
        HttpMetadata http = S3Headers.httpMetadata(x.headers());
        Map<String, String> custom = S3Headers.customMetadata(x.headers());
        return objects.createMultipartUpload(x.bucketRef(), x.key, http, custom,
                S3Headers.storageClass(x.header("x-amz-storage-class"))).invoke(id -> x.sendXml(200,
                        S3Xml.document("InitiateMultipartUploadResult")
                                .element("Bucket", x.bucket).element("Key", x.key).element("UploadId", id)
                                .finish())).replaceWithVoid();
    }

    private Uni<Void> uploadPart(S3Exchange x) {
        int part = partNumber(x);
        String uploadId = x.queryParam("uploadId");
        UploadBody body = x.uploadBody(config.limits().uploadBufferBytes());
        if (body.length() < 0) {
            body.discard().run();
            throw R2Error.INVALID_REQUEST.exception("UploadPart needs a Content-Length.");
        }
        return objects.uploadPart(x.bucketRef(), x.key, uploadId, part, body, S3Headers.expected(x.headers()))
                .invoke(etag -> {
                    x.response.putHeader("ETag", "\"" + etag + "\"");
                    x.echoChecksums();
                    x.sendEmpty(200);
                }).replaceWithVoid();
    }

    private Uni<Void> uploadPartCopy(S3Exchange x) {
        int part = partNumber(x);
        CopySource src = copySource(x);
        String range = x.header("x-amz-copy-source-range");
        if (range != null && !range.matches("^bytes=\\d+-\\d+$")) {
            throw R2Error.INVALID_ARGUMENT.exception("The x-amz-copy-source-range value must be of the form bytes=first-last.");
        }
        return objects.uploadPartCopy(x.bucketRef(), x.key, x.queryParam("uploadId"), part, src.bucket(), src.key(),
                range, copySourceCondition(x)).onFailure(S3Api::isNoSuchKey).recoverWithUni(f -> missingSource(src, f))
                .invoke(etag -> x.sendXml(200, S3Xml.document("CopyPartResult")
                        .element("LastModified", S3Xml.date(System.currentTimeMillis()))
                        .element("ETag", "\"" + etag + "\"")
                        .finish())).replaceWithVoid();
    }

    private Uni<Void> completeUpload(S3Exchange x) {
        String uploadId = x.queryParam("uploadId");
        return x.smallBody().chain(body -> {
            Element root = S3Xml.parse(body);
            List<PartInfo> parts = new ArrayList<>();
            int previous = 0;
            for (Element p : S3Xml.children(root, "Part")) {
                int n = parseInt(S3Xml.text(p, "PartNumber"), -1);
                String etag = S3Xml.text(p, "ETag");
                if (n < 1 || etag == null) {
                    throw R2Error.MALFORMED_XML.exception();
                }
                if (n <= previous) {
                    throw R2Error.INVALID_PART_ORDER.exception();
                }
                previous = n;
                parts.add(new PartInfo(n, etag.trim(), 0, 0));
            }
            if (parts.isEmpty()) {
                throw R2Error.MALFORMED_XML.exception("The XML you provided did not list any parts.");
            }
            return objects.completeMultipartUpload(x.bucketRef(), x.key, uploadId, parts);
        }).invoke(o -> x.sendXml(200, S3Xml.document("CompleteMultipartUploadResult")
                .element("Location", "/" + x.bucket + "/" + AwsUri.encode(x.key, false))
                .element("Bucket", x.bucket)
                .element("Key", x.key)
                .element("ETag", o.httpEtag())
                .finish())).replaceWithVoid();
    }

    private Uni<Void> listParts(S3Exchange x) {
        String uploadId = x.queryParam("uploadId");
        int max = Math.min(parseInt(x.queryParam("max-parts"), 1000), 1000);
        int marker = parseInt(x.queryParam("part-number-marker"), 0);
        return objects.listParts(x.bucketRef(), x.key, uploadId).invoke(all -> {
            List<PartInfo> after = all.stream().filter(p -> p.partNumber() > marker).toList();
            boolean truncated = after.size() > max;
            List<PartInfo> shown = truncated ? after.subList(0, max) : after;
            S3Xml xml = S3Xml.document("ListPartsResult")
                    .element("Bucket", x.bucket).element("Key", x.key).element("UploadId", uploadId)
                    .element("PartNumberMarker", marker)
                    .element("NextPartNumberMarker", shown.isEmpty() ? marker : shown.get(shown.size() - 1).partNumber())
                    .element("MaxParts", max)
                    .element("IsTruncated", truncated)
                    .element("StorageClass", "STANDARD");
            for (PartInfo p : shown) {
                xml.start("Part").element("PartNumber", p.partNumber())
                        .element("LastModified", S3Xml.date(p.lastModified()))
                        .element("ETag", "\"" + p.etag() + "\"")
                        .element("Size", p.size()).end();
            }
            x.sendXml(200, xml.finish());
        }).replaceWithVoid();
    }

    private Uni<Void> listUploads(S3Exchange x) {
        int max = Math.min(parseInt(x.queryParam("max-uploads"), 1000), 1000);
        String prefix = x.queryParam("prefix");
        String keyMarker = x.queryParam("key-marker");
        String idMarker = x.queryParam("upload-id-marker");
        return objects.listUploads(x.bucketRef(), prefix, keyMarker, idMarker, max).invoke(page -> {
            S3Xml xml = S3Xml.document("ListMultipartUploadsResult")
                    .element("Bucket", x.bucket)
                    .element("KeyMarker", nullToEmpty(keyMarker))
                    .element("UploadIdMarker", nullToEmpty(idMarker))
                    .element("Prefix", nullToEmpty(prefix))
                    .element("MaxUploads", max)
                    .element("IsTruncated", page.truncated());
            if (page.truncated()) {
                xml.element("NextKeyMarker", page.nextKeyMarker()).element("NextUploadIdMarker",
                        page.nextUploadIdMarker());
            }
            for (UploadInfo u : page.uploads()) {
                xml.start("Upload").element("Key", u.key()).element("UploadId", u.uploadId())
                        .element("Initiated", S3Xml.date(u.initiated())).element("StorageClass", "STANDARD").end();
            }
            x.sendXml(200, xml.finish());
        }).replaceWithVoid();
    }

    // ------------------------------------------------------------------ helpers

    private static int partNumber(S3Exchange x) {
        int n = parseInt(x.queryParam("partNumber"), -1);
        if (n < 1 || n > 10000 || x.queryParam("uploadId") == null) {
            throw R2Error.INVALID_ARGUMENT.exception("Part number must be an integer between 1 and 10000, inclusive.");
        }
        return n;
    }

    private static boolean isNoSuchKey(Throwable f) {
        return f instanceof dev.outpost.r2.error.R2Exception r && r.error() == R2Error.NO_SUCH_KEY;
    }

    /** A missing copy source: S3 says NoSuchBucket when its bucket is missing too (checked on that failure only). */
    private <T> Uni<T> missingSource(CopySource src, Throwable noSuchKey) {
        return buckets.requireExists(src.bucket()).onItem().transformToUni(v -> Uni.createFrom().<T>failure(noSuchKey));
    }

    private static int parseInt(String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw R2Error.INVALID_ARGUMENT.exception("Invalid number: " + value);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String enc(String value, boolean url) {
        return url && value != null ? AwsUri.encode(value, false) : value;
    }
}
