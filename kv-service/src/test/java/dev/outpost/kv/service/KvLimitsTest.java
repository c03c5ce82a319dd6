package dev.outpost.kv.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

import org.junit.jupiter.api.Test;

import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;

/** KV-8 / KV-11 with Cloudflare's default minimum TTL of 60 s: limits and their exact texts. */
class KvLimitsTest {

    private static final long NOW = 1_700_000_000L;
    private final KvLimits limits = new KvLimits(60);

    @Test
    void keyLimitsAndMessages() {
        expect(KvError.KEY_EMPTY, "Key names must not be empty", () -> limits.checkKey(""));
        expect(KvError.KEY_ILLEGAL, "Illegal key name \".\". Please use a different name.", () -> limits.checkKey("."));
        expect(KvError.KEY_ILLEGAL, "Illegal key name \"..\". Please use a different name.", () -> limits.checkKey(".."));
        limits.checkKey("é".repeat(256)); // 512 bytes: fine
        expect(KvError.KEY_TOO_LONG, "UTF-8 encoded length of 514 exceeds key length limit of 512.",
                () -> limits.checkKey("é".repeat(257)));
        expect(KvError.KEY_TOO_LONG, "UTF-8 encoded length of 516 exceeds key length limit of 512.",
                () -> limits.checkKey("\ud83d\ude00".repeat(129)));
    }

    @Test
    void valueAndMetadataLimits() {
        limits.checkValue(new byte[26_214_400]);
        expect(KvError.VALUE_TOO_LARGE, "Value length of 26214401 exceeds limit of 26214400.",
                () -> limits.checkValue(new byte[26_214_401]));
        limits.checkMetadata("\"" + "x".repeat(1022) + "\"");
        expect(KvError.METADATA_TOO_LARGE, "Metadata length of 1025 exceeds limit of 1024.",
                () -> limits.checkMetadata("\"" + "x".repeat(1023) + "\""));
        expect(KvError.METADATA_INVALID, "Metadata must be valid JSON.", () -> limits.checkMetadata("{nope"));
    }

    @Test
    void expirationRules() {
        assertEquals(NOW + 60, limits.expirationOf(0, 60, NOW));
        assertEquals(NOW + 120, limits.expirationOf(NOW + 5, 120, NOW), "the TTL wins over an absolute expiration");
        assertEquals(NOW + 60, limits.expirationOf(NOW + 60, 0, NOW));
        assertEquals(0, limits.expirationOf(0, 0, NOW));
        expect(KvError.EXPIRATION_TTL_INVALID, "Invalid expiration_ttl of 59. Expiration TTL must be at least 60.",
                () -> limits.expirationOf(0, 59, NOW));
        expect(KvError.EXPIRATION_TTL_INVALID, "Invalid expiration_ttl of -1. Please specify integer greater than 0.",
                () -> limits.expirationOf(0, -1, NOW));
        expect(KvError.EXPIRATION_INVALID, "Invalid expiration of " + NOW
                + ". Please specify integer greater than the current number of seconds since the UNIX epoch.",
                () -> limits.expirationOf(NOW, 0, NOW));
        expect(KvError.EXPIRATION_INVALID, "Invalid expiration of " + (NOW + 59)
                + ". Expiration times must be at least 60 seconds in the future.",
                () -> limits.expirationOf(NOW + 59, 0, NOW));
        expect(KvError.EXPIRATION_TTL_INVALID, "Invalid expiration_ttl of abc. Please specify integer greater than 0.",
                () -> KvLimits.parseExpirationTtl("abc"));
        expect(KvError.EXPIRATION_INVALID,
                "Invalid expiration of soon. Please specify integer greater than the current number of seconds since the UNIX epoch.",
                () -> KvLimits.parseExpiration("soon"));
    }

    @Test
    void listAndBulkLimits() {
        assertEquals(1000, limits.listLimit(0));
        assertEquals(1, limits.listLimit(1));
        assertEquals(1000, limits.listLimit(1000));
        expect(KvError.LIST_LIMIT_INVALID, "Invalid key_count_limit of 1001. Please specify an integer less than 1000.",
                () -> limits.listLimit(1001));
        expect(KvError.LIST_LIMIT_INVALID, "Invalid key_count_limit of -3. Please specify an integer greater than 0.",
                () -> limits.listLimit(-3));
        expect(KvError.KEY_COUNT_INVALID, "You must request a minimum of 1 key", () -> limits.checkGetManyCount(0));
        expect(KvError.KEY_COUNT_INVALID, "You can request a maximum of 100 keys", () -> limits.checkGetManyCount(101));
    }

    @Test
    void cursorsRoundTripAndGarbageIsRefused() {
        assertEquals("ключ/🙂", ListCursor.decode(ListCursor.encode("ключ/🙂")));
        expect(KvError.CURSOR_INVALID, null, () -> ListCursor.decode("not a cursor!"));
        expect(KvError.CURSOR_INVALID, null, () -> ListCursor.decode("AA"));
    }

    private static void expect(KvError error, String message, Executable call) {
        KvException e = assertThrows(KvException.class, call);
        assertEquals(error, e.error());
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
    }
}
