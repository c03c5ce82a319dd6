package dev.outpost.runtime.bindings.r2;

/** R2-3 {@code httpMetadata}; absent fields are null. {@code cacheExpiry} in epoch milliseconds. */
public record R2HttpMetadata(String contentType, String contentLanguage, String contentDisposition,
                             String contentEncoding, String cacheControl, Long cacheExpiry) {
    public static final R2HttpMetadata NONE = new R2HttpMetadata(null, null, null, null, null, null);
}
