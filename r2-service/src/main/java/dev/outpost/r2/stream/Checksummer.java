package dev.outpost.r2.stream;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * A running digest or CRC by the names S3 and R2 use: MD5, SHA-1/256/384/512 (R2 checksums,
 * SigV4 payload hashes) and CRC32, CRC32C, CRC64NVME (S3 flexible checksums).
 */
public interface Checksummer {

    void update(byte[] bytes, int offset, int length);

    byte[] finish();

    /**
     * @param name MD5, SHA-1, SHA-256, SHA-384, SHA-512 (or sha1/sha256 ...), CRC32, CRC32C, CRC64NVME
     * @return null for an unknown algorithm
     */
    static Checksummer create(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace("-", "");
        return switch (n) {
            case "MD5" -> digest("MD5");
            case "SHA1" -> digest("SHA-1");
            case "SHA256" -> digest("SHA-256");
            case "SHA384" -> digest("SHA-384");
            case "SHA512" -> digest("SHA-512");
            case "CRC32" -> crc(new CRC32());
            case "CRC32C" -> crc(new CRC32C());
            case "CRC64NVME" -> new Crc64Nvme();
            default -> null;
        };
    }

    private static Checksummer digest(String algorithm) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Checksummer() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                md.update(bytes, offset, length);
            }

            @Override
            public byte[] finish() {
                return md.digest();
            }
        };
    }

    private static Checksummer crc(Checksum crc) {
        return new Checksummer() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                crc.update(bytes, offset, length);
            }

            @Override
            public byte[] finish() {
                return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
            }
        };
    }

    /** CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5, init and xorout all ones). */
    final class Crc64Nvme implements Checksummer {
        private static final long[] TABLE = new long[256];

        static {
            for (int i = 0; i < 256; i++) {
                long c = i;
                for (int k = 0; k < 8; k++) {
                    c = (c & 1) != 0 ? (c >>> 1) ^ 0x9a6c9329ac4bc9b5L : c >>> 1;
                }
                TABLE[i] = c;
            }
        }

        private long crc = ~0L;

        @Override
        public void update(byte[] bytes, int offset, int length) {
            long c = crc;
            for (int i = offset; i < offset + length; i++) {
                c = TABLE[(int) ((c ^ bytes[i]) & 0xff)] ^ (c >>> 8);
            }
            crc = c;
        }

        @Override
        public byte[] finish() {
            return ByteBuffer.allocate(8).putLong(~crc).array();
        }
    }
}
