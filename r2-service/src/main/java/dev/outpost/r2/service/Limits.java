package dev.outpost.r2.service;

import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.model.Checksums;
import dev.outpost.r2.stream.VerifyingInputStream.Expectation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** R2-9 limits and the input checks built on them, enforced in one place. */
public final class Limits {

    public static final int MAX_KEY_BYTES = 1024;
    /** Single put or part: 5 GiB - 5 MiB. */
    public static final long MAX_PUT_BYTES = 5_363_466_240L;
    public static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    public static final int MAX_PARTS = 10_000;
    public static final int MAX_LIST = 1000;
    public static final int MAX_DELETE_KEYS = 1000;

    private Limits() {
    }

    public static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw R2Error.INVALID_OBJECT_NAME.exception("The object key must not be empty.");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw R2Error.INVALID_OBJECT_NAME.exception("The object key is longer than 1024 bytes.");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < key.length()
                        && Character.isLowSurrogate(key.charAt(i + 1));
                if (!paired) {
                    throw R2Error.INVALID_OBJECT_NAME.exception("The object key is not valid UTF-8.");
                }
                i++;
            } else if (c == 0) {
                throw R2Error.INVALID_OBJECT_NAME.exception("The object key must not contain NUL.");
            }
        }
    }

    public static void checkLength(long length) {
        if (length > MAX_PUT_BYTES) {
            throw R2Error.ENTITY_TOO_LARGE.exception();
        }
    }

    /** R2-6: at most one expected digest, of the right size. */
    public static List<Expectation> expectations(Checksums expected) {
        List<Expectation> out = new ArrayList<>();
        if (expected == null) {
            return out;
        }
        add(out, "MD5", expected.md5(), 16);
        add(out, "SHA-1", expected.sha1(), 20);
        add(out, "SHA-256", expected.sha256(), 32);
        add(out, "SHA-384", expected.sha384(), 48);
        add(out, "SHA-512", expected.sha512(), 64);
        if (out.size() > 1) {
            throw R2Error.INVALID_ARGUMENT.exception("You cannot specify multiple hashing algorithms.");
        }
        return out;
    }

    private static void add(List<Expectation> out, String algorithm, byte[] value, int size) {
        if (value == null || value.length == 0) {
            return;
        }
        if (value.length != size) {
            throw R2Error.INVALID_DIGEST.exception("The " + algorithm + " checksum must be " + size + " bytes.");
        }
        out.add(new Expectation(algorithm, value, R2Error.BAD_DIGEST));
    }
}
