package dev.outpost.kv.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Utf8OrderTest {

    // KV-7: keys are ordered by their UTF-8 bytes.
    @Test
    void ordersLikeUnsignedUtf8Bytes() {
        Random random = new Random(42);
        int[] pool = { 'a', 'z', 0x7f, 0xe9, 0x800, 0xe000, 0xfffd, 0xffef, 0x1f600, 0x10000, 0x10ffff };
        for (int i = 0; i < 20_000; i++) {
            String a = randomString(random, pool);
            String b = randomString(random, pool);
            int expected = Integer.signum(Arrays.compareUnsigned(
                    a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, Integer.signum(Utf8Order.compare(a, b)), () -> a + " vs " + b);
        }
    }

    @Test
    void privateUseCharactersSortBeforeEmoji() {
        // UTF-16 order would put U+E000 after U+1F600 (its surrogates start at D83D).
        assertEquals(-1, Integer.signum(Utf8Order.compare("\ue000", "\ud83d\ude00")));
    }

    private static String randomString(Random random, int[] pool) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        return sb.toString();
    }
}
