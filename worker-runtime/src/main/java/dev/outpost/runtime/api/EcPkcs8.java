package dev.outpost.runtime.api;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * PKCS#8 for EC private keys the way workerd (BoringSSL) writes them: the curve only in the AlgorithmIdentifier,
 * the private scalar at the curve's size and the public point in the optional {@code [1]} field, which the JDK's
 * own encoding leaves out. Keeping the public point lets a pkcs8-imported key be exported as JWK (RFC 5915).
 */
final class EcPkcs8 {
    private static final byte[] EC_PUBLIC_KEY_OID = HexFormat.of().parseHex("06072a8648ce3d0201");
    private static final byte[] P256_OID = HexFormat.of().parseHex("06082a8648ce3d030107");
    private static final byte[] P384_OID = HexFormat.of().parseHex("06052b81040022");
    private static final byte[] P521_OID = HexFormat.of().parseHex("06052b81040023");

    private EcPkcs8() {
    }

    /** @param w the public point, or null when unknown (the {@code [1]} field is then left out) */
    static byte[] encode(ECParameterSpec params, BigInteger s, ECPoint w) {
        int size = size(params);
        byte[] curveOid = switch (params.getCurve().getField().getFieldSize()) {
            case 256 -> P256_OID;
            case 384 -> P384_OID;
            case 521 -> P521_OID;
            default -> throw new IllegalArgumentException("unsupported curve");
        };
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {0x02, 0x01, 0x01});
        inner.writeBytes(tlv(0x04, fixed(s, size)));
        if (w != null) {
            byte[] point = new byte[2 + 2 * size];
            point[1] = 0x04; // leading byte 0: no unused bits in the BIT STRING
            System.arraycopy(fixed(w.getAffineX(), size), 0, point, 2, size);
            System.arraycopy(fixed(w.getAffineY(), size), 0, point, 2 + size, size);
            inner.writeBytes(tlv(0xa1, tlv(0x03, point)));
        }
        ByteArrayOutputStream algorithm = new ByteArrayOutputStream();
        algorithm.writeBytes(EC_PUBLIC_KEY_OID);
        algorithm.writeBytes(curveOid);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.writeBytes(new byte[] {0x02, 0x01, 0x00});
        outer.writeBytes(tlv(0x30, algorithm.toByteArray()));
        outer.writeBytes(tlv(0x04, tlv(0x30, inner.toByteArray())));
        return tlv(0x30, outer.toByteArray());
    }

    /** The uncompressed public point ({@code 04 X Y}) stored in a PKCS#8 EC key's {@code [1]} field, or null. */
    static byte[] publicPoint(byte[] pkcs8) {
        try {
            Der outer = new Der(pkcs8, 0).enter(0x30);
            outer = outer.skip(0x02).skip(0x30);
            Der inner = new Der(outer.content(0x04), 0).enter(0x30).skip(0x02).skip(0x04);
            if (inner.atTag(0xa0)) {
                inner = inner.skip(0xa0);
            }
            if (!inner.atTag(0xa1)) {
                return null;
            }
            byte[] bits = new Der(inner.content(0xa1), 0).content(0x03);
            return bits.length > 1 && bits[0] == 0 && bits[1] == 0x04 ? Arrays.copyOfRange(bits, 1, bits.length) : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    static int size(ECParameterSpec params) {
        return (params.getCurve().getField().getFieldSize() + 7) / 8;
    }

    private static byte[] fixed(BigInteger v, int size) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(b.length, size);
        System.arraycopy(b, b.length - copy, out, size - copy, copy);
        return out;
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** A cursor over consecutive DER elements (definite lengths only, which DER requires). */
    private record Der(byte[] data, int pos) {
        boolean atTag(int tag) {
            return pos < data.length && (data[pos] & 0xff) == tag;
        }

        private int[] header(int tag) {
            if (!atTag(tag)) {
                throw new IllegalArgumentException("expected tag " + tag);
            }
            int len = data[pos + 1] & 0xff;
            int start = pos + 2;
            if (len >= 0x80) {
                int count = len & 0x7f;
                len = 0;
                for (int i = 0; i < count; i++) {
                    len = (len << 8) | (data[start + i] & 0xff);
                }
                start += count;
            }
            if (start + len > data.length) {
                throw new IllegalArgumentException("truncated");
            }
            return new int[] {start, len};
        }

        byte[] content(int tag) {
            int[] h = header(tag);
            return Arrays.copyOfRange(data, h[0], h[0] + h[1]);
        }

        Der enter(int tag) {
            int[] h = header(tag);
            return new Der(Arrays.copyOfRange(data, h[0], h[0] + h[1]), 0);
        }

        Der skip(int tag) {
            int[] h = header(tag);
            return new Der(data, h[0] + h[1]);
        }
    }
}
