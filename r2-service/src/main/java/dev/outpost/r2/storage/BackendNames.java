package dev.outpost.r2.storage;

import dev.outpost.r2.model.BucketRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where an Outpost bucket lives in the backend.
 *
 * <p>Layout: one backend bucket per Outpost bucket, named {@code "o" + h16(account) + "-" + name}
 * (h16 = first 16 hex digits of SHA-256 of the account id and jurisdiction). Chosen over "one
 * backend bucket per account with key prefixes" because (1) object keys then reach the backend
 * unprefixed, so R2's full 1,024-byte keys fit the backend's own 1,024-byte limit; (2) isolation
 * between accounts and buckets is the backend's bucket boundary, not string prefixes; (3) empty
 * checks, deletes and listings are the backend's native bucket operations. A 64-bit account hash
 * keeps accidental collisions negligible at any realistic account count.
 *
 * <p>R2 names are up to 63 characters but the backend's limit is 63 too, so names longer than 45
 * characters are stored as {@code "h" + h16(account) + "-" + first 32 chars + "-" + h12(name)}: the
 * different first letter means a shortened name can never equal a literal one. The real name is
 * kept in the catalog bucket (key {@code h16(account) + "/" + name}), which is also what lists an
 * account's buckets in order without scanning every backend bucket.
 */
public final class BackendNames {

    /** R2-9 bucket names: 3-63 of [a-z0-9-], starting and ending with a letter or digit. */
    private static final Pattern BUCKET_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");
    private static final int LITERAL_MAX = 45;

    private BackendNames() {
    }

    public static boolean isValidBucketName(String name) {
        return name != null && BUCKET_NAME.matcher(name).matches();
    }

    public static String backendBucket(BucketRef ref) {
        String account = accountHash(ref);
        if (ref.name().length() <= LITERAL_MAX) {
            return "o" + account + "-" + ref.name();
        }
        return "h" + account + "-" + ref.name().substring(0, 32) + "-" + hex(sha256(ref.name())).substring(0, 12);
    }

    /** Catalog key of a bucket. */
    public static String catalogKey(BucketRef ref) {
        return accountHash(ref) + "/" + ref.name();
    }

    /** Catalog prefix of all buckets of the account (in the ref's jurisdiction). */
    public static String catalogPrefix(BucketRef ref) {
        return accountHash(ref) + "/";
    }

    static String accountHash(BucketRef ref) {
        String scope = ref.jurisdiction().isEmpty() ? ref.accountId() : ref.accountId() + "\u0000" + ref.jurisdiction();
        return hex(sha256(scope)).substring(0, 16);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
