package dev.outpost.r2.grpc;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.r2.v1.Bucket;
import dev.outpost.contracts.r2.v1.Conditional;
import dev.outpost.contracts.r2.v1.R2Object;
import dev.outpost.contracts.r2.v1.Range;
import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.model.BucketInfo;
import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.model.Checksums;
import dev.outpost.r2.model.HttpMetadata;
import dev.outpost.r2.model.ObjectInfo;
import dev.outpost.r2.model.ServedRange;
import dev.outpost.r2.service.R2Conditional;
import dev.outpost.r2.service.RangeSpec;
import dev.outpost.contracts.common.v1.Caller;

/** Contract messages to and from the service's model. */
final class ProtoMapper {

    private ProtoMapper() {
    }

    static BucketRef bucket(dev.outpost.contracts.r2.v1.BucketRef ref) {
        return bucket(ref.getCaller(), ref.getBucket(), ref.getJurisdiction());
    }

    static BucketRef bucket(Caller caller, String name, String jurisdiction) {
        if (caller.getAccountId().isEmpty()) {
            throw R2Error.INVALID_ARGUMENT.exception("caller.account_id is required.");
        }
        return new BucketRef(caller.getAccountId(), name, jurisdiction);
    }

    static HttpMetadata http(dev.outpost.contracts.r2.v1.HttpMetadata m) {
        return new HttpMetadata(
                m.hasContentType() ? m.getContentType() : null,
                m.hasContentLanguage() ? m.getContentLanguage() : null,
                m.hasContentDisposition() ? m.getContentDisposition() : null,
                m.hasContentEncoding() ? m.getContentEncoding() : null,
                m.hasCacheControl() ? m.getCacheControl() : null,
                m.hasCacheExpiryMs() ? m.getCacheExpiryMs() : null);
    }

    static dev.outpost.contracts.r2.v1.HttpMetadata http(HttpMetadata m) {
        var b = dev.outpost.contracts.r2.v1.HttpMetadata.newBuilder();
        if (m.contentType() != null) {
            b.setContentType(m.contentType());
        }
        if (m.contentLanguage() != null) {
            b.setContentLanguage(m.contentLanguage());
        }
        if (m.contentDisposition() != null) {
            b.setContentDisposition(m.contentDisposition());
        }
        if (m.contentEncoding() != null) {
            b.setContentEncoding(m.contentEncoding());
        }
        if (m.cacheControl() != null) {
            b.setCacheControl(m.cacheControl());
        }
        if (m.cacheExpiry() != null) {
            b.setCacheExpiryMs(m.cacheExpiry());
        }
        return b.build();
    }

    static Checksums checksums(dev.outpost.contracts.r2.v1.Checksums c) {
        return new Checksums(bytes(c.getMd5()), bytes(c.getSha1()), bytes(c.getSha256()), bytes(c.getSha384()),
                bytes(c.getSha512()));
    }

    static dev.outpost.contracts.r2.v1.Checksums checksums(Checksums c) {
        var b = dev.outpost.contracts.r2.v1.Checksums.newBuilder();
        if (c.md5() != null) {
            b.setMd5(ByteString.copyFrom(c.md5()));
        }
        if (c.sha1() != null) {
            b.setSha1(ByteString.copyFrom(c.sha1()));
        }
        if (c.sha256() != null) {
            b.setSha256(ByteString.copyFrom(c.sha256()));
        }
        if (c.sha384() != null) {
            b.setSha384(ByteString.copyFrom(c.sha384()));
        }
        if (c.sha512() != null) {
            b.setSha512(ByteString.copyFrom(c.sha512()));
        }
        return b.build();
    }

    static R2Conditional conditional(boolean present, Conditional c) {
        if (!present) {
            return R2Conditional.NONE;
        }
        return new R2Conditional(
                c.hasEtagMatches() ? c.getEtagMatches() : null,
                c.hasEtagDoesNotMatch() ? c.getEtagDoesNotMatch() : null,
                c.hasUploadedBeforeMs() ? c.getUploadedBeforeMs() : null,
                c.hasUploadedAfterMs() ? c.getUploadedAfterMs() : null,
                c.getSecondsGranularity());
    }

    static RangeSpec range(boolean present, Range r) {
        if (!present) {
            return null;
        }
        return new RangeSpec(r.hasOffset() ? r.getOffset() : null, r.hasLength() ? r.getLength() : null,
                r.hasSuffix() ? r.getSuffix() : null);
    }

    static R2Object object(ObjectInfo o, ServedRange range) {
        var b = R2Object.newBuilder()
                .setKey(o.key())
                .setVersion(o.version() == null ? "" : o.version())
                .setSize(o.size())
                .setEtag(o.etag())
                .setUploadedMs(o.uploaded())
                .setHttpMetadata(http(o.httpMetadata()))
                .putAllCustomMetadata(o.customMetadata())
                .setChecksums(checksums(o.checksums()))
                .setStorageClass(o.storageClass());
        if (range != null) {
            b.setRange(Range.newBuilder().setOffset(range.offset()).setLength(range.length()));
        }
        return b.build();
    }

    static Bucket bucket(BucketInfo b) {
        return Bucket.newBuilder()
                .setName(b.name())
                .setCreationDateMs(b.creationDate())
                .setLocation(b.location() == null ? "" : b.location())
                .setStorageClass(b.storageClass() == null ? "Standard" : b.storageClass())
                .build();
    }

    private static byte[] bytes(ByteString s) {
        return s.isEmpty() ? null : s.toByteArray();
    }
}
