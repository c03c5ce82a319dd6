package dev.outpost.runtime.bindings.r2;

/** R2-3/R2-6 checksums as raw digest bytes; absent ones are null. */
public record R2Checksums(byte[] md5, byte[] sha1, byte[] sha256, byte[] sha384, byte[] sha512) {
    public static final R2Checksums NONE = new R2Checksums(null, null, null, null, null);
}
