package dev.outpost.r2.model;

import java.util.Arrays;

/** R2-3 checksums: raw digest bytes, null when absent. */
public record Checksums(byte[] md5, byte[] sha1, byte[] sha256, byte[] sha384, byte[] sha512) {

    public static final Checksums NONE = new Checksums(null, null, null, null, null);

    public Checksums withMd5(byte[] value) {
        return new Checksums(value, sha1, sha256, sha384, sha512);
    }

    public boolean isEmpty() {
        return md5 == null && sha1 == null && sha256 == null && sha384 == null && sha512 == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checksums c && Arrays.equals(md5, c.md5) && Arrays.equals(sha1, c.sha1)
                && Arrays.equals(sha256, c.sha256) && Arrays.equals(sha384, c.sha384)
                && Arrays.equals(sha512, c.sha512);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(md5) * 31 + Arrays.hashCode(sha256);
    }
}
