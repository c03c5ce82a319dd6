package dev.outpost.r2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.storage.BackendNames;
import dev.outpost.r2.storage.KeyCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain unit tests of the backend layout: stored keys never contain dot or empty path segments. */
class KeyCodecTest {

    static final List<String> KEYS = List.of("plain", "a/b/c", ".", "..", "../x", "a/../b", "a/./b", "a//b", "/x",
            "x/", "//", "~", "~x", "a/~/b", " .. ", "a/ . /b", "ü/日本", "...", ".hidden/file");

    @Test
    void encodingRoundTripsAndNeverProducesDotOrEmptySegments() {
        for (String key : KEYS) {
            String stored = KeyCodec.encode(key);
            assertEquals(key, KeyCodec.decode(stored), key);
            for (String segment : stored.split("/", -1)) {
                assertFalse(segment.isEmpty(), key + " -> " + stored);
                assertFalse(segment.strip().equals(".") || segment.strip().equals(".."), key + " -> " + stored);
            }
        }
        assertEquals("plain/key.txt", KeyCodec.encode("plain/key.txt"), "ordinary keys are stored unchanged");
        assertEquals("...", KeyCodec.encode("..."));
    }

    @Test
    void encodedPrefixIsAPrefixOfEveryEncodedKeyWithThatPrefix() {
        List<String> prefixes = List.of("", "a", "a/", "a/.", "a//", "/", "~", ".", "x/ ", "a/~");
        for (String prefix : prefixes) {
            String stored = KeyCodec.encodePrefix(prefix);
            for (String key : KEYS) {
                if (key.startsWith(prefix)) {
                    assertTrue(KeyCodec.encode(key).startsWith(stored), prefix + " / " + key);
                }
            }
        }
    }

    @Test
    void backendBucketNamesAreValidDistinctAndPerAccount() {
        String longName = "a".repeat(63);
        for (String name : List.of("abc", "a".repeat(45), "a".repeat(46), longName)) {
            String backend = BackendNames.backendBucket(BucketRef.of("acct", name));
            assertTrue(backend.length() <= 63 && backend.matches("^[a-z0-9][a-z0-9-]*[a-z0-9]$"), backend);
        }
        assertFalse(BackendNames.backendBucket(BucketRef.of("one", "x-bucket"))
                .equals(BackendNames.backendBucket(BucketRef.of("two", "x-bucket"))));
        assertFalse(BackendNames.backendBucket(new BucketRef("one", "x-bucket", "eu"))
                .equals(BackendNames.backendBucket(BucketRef.of("one", "x-bucket"))));
        assertFalse(BackendNames.backendBucket(BucketRef.of("a", "a".repeat(62) + "b"))
                .equals(BackendNames.backendBucket(BucketRef.of("a", "a".repeat(62) + "c"))));
    }
}
