package dev.outpost.r2.model;

/** R2-3 httpMetadata; null fields are absent. cacheExpiry in epoch milliseconds. */
public record HttpMetadata(String contentType, String contentLanguage, String contentDisposition,
        String contentEncoding, String cacheControl, Long cacheExpiry) {

    public static final HttpMetadata EMPTY = new HttpMetadata(null, null, null, null, null, null);
}
