package dev.outpost.kv.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;

/**
 * Every KV limit (KV-3, KV-5, KV-7, KV-8) and its error text (KV-11), in one place. Messages follow
 * Cloudflare's API word for word where it is known (miniflare's validator mirrors it).
 */
public final class KvLimits {

    public static final int MAX_KEY_BYTES = 512;
    public static final int MAX_VALUE_BYTES = 26_214_400;
    public static final int MAX_METADATA_BYTES = 1024;
    public static final int MAX_LIST_LIMIT = 1000;
    public static final int MAX_GET_MANY_KEYS = 100;
    public static final int MAX_BULK_WRITE_KEYS = 10_000;
    /** KV-3: values (and metadata) a bulk get may return in total, "25 MB" on Cloudflare. */
    public static final long MAX_GET_MANY_BYTES = 26_214_400;
    public static final int MAX_TITLE_CHARS = 512;
    /** 9999-12-31T23:59:59Z: far enough, and keeps millisecond arithmetic far from overflow. */
    static final long MAX_EXPIRATION = 253_402_300_799L;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int minTtlSeconds;

    public KvLimits(int minTtlSeconds) {
        this.minTtlSeconds = minTtlSeconds;
    }

    public int minTtlSeconds() {
        return minTtlSeconds;
    }

    public void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new KvException(KvError.KEY_EMPTY, "Key names must not be empty");
        }
        if (key.equals(".") || key.equals("..")) {
            throw new KvException(KvError.KEY_ILLEGAL, "Illegal key name \"" + key + "\". Please use a different name.");
        }
        checkKeyLength(key);
    }

    /** Prefixes obey the key length limit too. */
    public void checkKeyLength(String key) {
        int length = utf8Length(key);
        if (length > MAX_KEY_BYTES) {
            throw new KvException(KvError.KEY_TOO_LONG,
                    "UTF-8 encoded length of " + length + " exceeds key length limit of " + MAX_KEY_BYTES + ".");
        }
    }

    public void checkValue(byte[] value) {
        if (value.length > MAX_VALUE_BYTES) {
            throw new KvException(KvError.VALUE_TOO_LARGE,
                    "Value length of " + value.length + " exceeds limit of " + MAX_VALUE_BYTES + ".");
        }
    }

    /** Metadata is optional JSON text of at most 1024 bytes; {@code null} and "" mean none. */
    public void checkMetadata(String metadataJson) {
        if (metadataJson == null || metadataJson.isEmpty()) {
            return;
        }
        int length = utf8Length(metadataJson);
        if (length > MAX_METADATA_BYTES) {
            throw new KvException(KvError.METADATA_TOO_LARGE,
                    "Metadata length of " + length + " exceeds limit of " + MAX_METADATA_BYTES + ".");
        }
        try {
            JSON.readTree(metadataJson);
        } catch (JsonProcessingException e) {
            throw new KvException(KvError.METADATA_INVALID, "Metadata must be valid JSON.");
        }
    }

    /**
     * The absolute expiration of a write (0 = none). A TTL wins over an absolute expiration (KV-5); both
     * must land at least {@code minTtlSeconds} in the future.
     */
    public long expirationOf(long expiration, long expirationTtl, long nowSeconds) {
        if (expirationTtl != 0) {
            if (expirationTtl < 0) {
                throw invalidTtl(Long.toString(expirationTtl), "Please specify integer greater than 0.");
            }
            if (expirationTtl < minTtlSeconds) {
                throw invalidTtl(Long.toString(expirationTtl), "Expiration TTL must be at least " + minTtlSeconds + ".");
            }
            if (expirationTtl > MAX_EXPIRATION - nowSeconds) {
                throw invalidTtl(Long.toString(expirationTtl), "Expiration must be before the year 10000.");
            }
            return nowSeconds + expirationTtl;
        }
        if (expiration != 0) {
            if (expiration <= nowSeconds) {
                throw invalidExpiration(Long.toString(expiration),
                        "Please specify integer greater than the current number of seconds since the UNIX epoch.");
            }
            if (expiration < nowSeconds + minTtlSeconds) {
                throw invalidExpiration(Long.toString(expiration),
                        "Expiration times must be at least " + minTtlSeconds + " seconds in the future.");
            }
            if (expiration > MAX_EXPIRATION) {
                throw invalidExpiration(Long.toString(expiration), "Expiration must be before the year 10000.");
            }
        }
        return expiration;
    }

    /** Parses the REST query parameter {@code expiration_ttl}; absent or empty = 0. */
    public static long parseExpirationTtl(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        try {
            long ttl = Long.parseLong(raw.trim());
            if (ttl <= 0) {
                throw invalidTtl(raw, "Please specify integer greater than 0.");
            }
            return ttl;
        } catch (NumberFormatException e) {
            throw invalidTtl(raw, "Please specify integer greater than 0.");
        }
    }

    /** Parses the REST query parameter {@code expiration}; absent or empty = 0. */
    public static long parseExpiration(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        try {
            long expiration = Long.parseLong(raw.trim());
            if (expiration <= 0) {
                throw new NumberFormatException();
            }
            return expiration;
        } catch (NumberFormatException e) {
            throw invalidExpiration(raw,
                    "Please specify integer greater than the current number of seconds since the UNIX epoch.");
        }
    }

    /** List page size: 0 = default 1000, else 1..1000. */
    public int listLimit(int requested) {
        if (requested == 0) {
            return MAX_LIST_LIMIT;
        }
        if (requested < 0) {
            throw new KvException(KvError.LIST_LIMIT_INVALID,
                    "Invalid key_count_limit of " + requested + ". Please specify an integer greater than 0.");
        }
        if (requested > MAX_LIST_LIMIT) {
            throw new KvException(KvError.LIST_LIMIT_INVALID, "Invalid key_count_limit of " + requested
                    + ". Please specify an integer less than " + MAX_LIST_LIMIT + ".");
        }
        return requested;
    }

    /** KV-3: a bulk get asks for 1..100 keys. */
    public void checkGetManyCount(int count) {
        if (count < 1) {
            throw new KvException(KvError.KEY_COUNT_INVALID, "You must request a minimum of 1 key");
        }
        if (count > MAX_GET_MANY_KEYS) {
            throw new KvException(KvError.KEY_COUNT_INVALID, "You can request a maximum of " + MAX_GET_MANY_KEYS + " keys");
        }
    }

    /** KV-3: a bulk get returns at most 25 MB of values and metadata; more is refused with 413. */
    public void checkGetManyBytes(long bytes) {
        if (bytes > MAX_GET_MANY_BYTES) {
            throw new KvException(KvError.RESPONSE_TOO_LARGE, "Total size of the requested values (" + bytes
                    + " bytes) exceeds the bulk get limit of " + MAX_GET_MANY_BYTES + " bytes.");
        }
    }

    /** KV-10: bulk writes and deletes take at most 10,000 keys. */
    public void checkBulkWriteCount(int count) {
        if (count > MAX_BULK_WRITE_KEYS) {
            throw new KvException(KvError.KEY_COUNT_INVALID,
                    "Bulk requests are limited to " + MAX_BULK_WRITE_KEYS + " keys, got " + count + ".");
        }
    }

    public String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new KvException(KvError.NAMESPACE_TITLE_MISSING, "A namespace title is required.");
        }
        if (title.length() > MAX_TITLE_CHARS) {
            throw new KvException(KvError.BAD_REQUEST,
                    "Namespace titles must be at most " + MAX_TITLE_CHARS + " characters long.");
        }
        return title;
    }

    /** UTF-8 length without encoding the string (unpaired surrogates count as the 1-byte '?' Java writes). */
    static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length += 1;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static KvException invalidTtl(String raw, String hint) {
        return new KvException(KvError.EXPIRATION_TTL_INVALID, "Invalid expiration_ttl of " + raw + ". " + hint);
    }

    private static KvException invalidExpiration(String raw, String hint) {
        return new KvException(KvError.EXPIRATION_INVALID, "Invalid expiration of " + raw + ". " + hint);
    }
}
