package dev.outpost.gateway.bindings.r2;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.r2.v1.Checksums;
import dev.outpost.contracts.r2.v1.Conditional;
import dev.outpost.contracts.r2.v1.HttpMetadata;
import dev.outpost.contracts.r2.v1.R2Object;
import dev.outpost.contracts.r2.v1.Range;
import dev.outpost.runtime.bindings.r2.R2Checksums;
import dev.outpost.runtime.bindings.r2.R2Conditional;
import dev.outpost.runtime.bindings.r2.R2HttpMetadata;
import dev.outpost.runtime.bindings.r2.R2ObjectMeta;
import dev.outpost.runtime.bindings.r2.R2Range;

/** Binding value types ↔ outpost.r2.v1 messages. */
final class R2Protos {
    private R2Protos() {
    }

    static R2ObjectMeta object(R2Object o) {
        HttpMetadata h = o.getHttpMetadata();
        R2HttpMetadata http = new R2HttpMetadata(h.hasContentType() ? h.getContentType() : null,
                h.hasContentLanguage() ? h.getContentLanguage() : null,
                h.hasContentDisposition() ? h.getContentDisposition() : null,
                h.hasContentEncoding() ? h.getContentEncoding() : null, h.hasCacheControl() ? h.getCacheControl() : null,
                h.hasCacheExpiryMs() ? h.getCacheExpiryMs() : null);
        Checksums c = o.getChecksums();
        R2Checksums checksums = new R2Checksums(bytes(c.getMd5()), bytes(c.getSha1()), bytes(c.getSha256()),
                bytes(c.getSha384()), bytes(c.getSha512()));
        R2Range range = null;
        if (o.hasRange()) {
            Range r = o.getRange();
            range = new R2Range(r.hasOffset() ? r.getOffset() : null, r.hasLength() ? r.getLength() : null,
                    r.hasSuffix() ? r.getSuffix() : null);
        }
        return new R2ObjectMeta(o.getKey(), o.getVersion(), o.getSize(), o.getEtag(), o.getUploadedMs(), http,
                o.getCustomMetadataMap(), checksums, o.getStorageClass(), range);
    }

    private static byte[] bytes(ByteString b) {
        return b.isEmpty() ? null : b.toByteArray();
    }

    static HttpMetadata http(R2HttpMetadata h) {
        HttpMetadata.Builder b = HttpMetadata.newBuilder();
        if (h == null) {
            return b.build();
        }
        if (h.contentType() != null) {
            b.setContentType(h.contentType());
        }
        if (h.contentLanguage() != null) {
            b.setContentLanguage(h.contentLanguage());
        }
        if (h.contentDisposition() != null) {
            b.setContentDisposition(h.contentDisposition());
        }
        if (h.contentEncoding() != null) {
            b.setContentEncoding(h.contentEncoding());
        }
        if (h.cacheControl() != null) {
            b.setCacheControl(h.cacheControl());
        }
        if (h.cacheExpiry() != null) {
            b.setCacheExpiryMs(h.cacheExpiry());
        }
        return b.build();
    }

    static Range range(R2Range r) {
        Range.Builder b = Range.newBuilder();
        if (r.offset() != null) {
            b.setOffset(r.offset());
        }
        if (r.length() != null) {
            b.setLength(r.length());
        }
        if (r.suffix() != null) {
            b.setSuffix(r.suffix());
        }
        return b.build();
    }

    static Conditional conditional(R2Conditional c) {
        Conditional.Builder b = Conditional.newBuilder().setSecondsGranularity(c.secondsGranularity());
        if (c.etagMatches() != null) {
            b.setEtagMatches(c.etagMatches());
        }
        if (c.etagDoesNotMatch() != null) {
            b.setEtagDoesNotMatch(c.etagDoesNotMatch());
        }
        if (c.uploadedBefore() != null) {
            b.setUploadedBeforeMs(c.uploadedBefore());
        }
        if (c.uploadedAfter() != null) {
            b.setUploadedAfterMs(c.uploadedAfter());
        }
        return b.build();
    }

    static Checksums checksums(R2Checksums c) {
        Checksums.Builder b = Checksums.newBuilder();
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
}
