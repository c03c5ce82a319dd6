package dev.outpost.r2.model;

import java.util.Map;

/**
 * R2-3 R2Object as the service sees it. {@code uploaded} is epoch milliseconds, truncated to whole
 * seconds because that is what S3 backends report in Last-Modified (head, get and list agree).
 * {@code version} is null for objects written to the backend behind Outpost's back, and in listings
 * that did not ask for metadata.
 */
public record ObjectInfo(String key, String version, long size, String etag, long uploaded,
        HttpMetadata httpMetadata, Map<String, String> customMetadata, Checksums checksums,
        String storageClass) {

    public String httpEtag() {
        return "\"" + etag + "\"";
    }

    public ObjectInfo withStorageClass(String value) {
        return new ObjectInfo(key, version, size, etag, uploaded, httpMetadata, customMetadata, checksums, value);
    }

    public ObjectInfo withoutMetadata(boolean keepHttp, boolean keepCustom) {
        return new ObjectInfo(key, version, size, etag, uploaded, keepHttp ? httpMetadata : HttpMetadata.EMPTY,
                keepCustom ? customMetadata : Map.of(), checksums, storageClass);
    }
}
