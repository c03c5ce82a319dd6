package dev.outpost.runtime.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RT-6 node:zlib / CompressionStream engine: streaming zlib/gzip/raw in both directions, zlib's error messages. */
class ZlibStreamTest {
    private static final byte[] TEXT = "stream me through zlib, chunk by chunk. ".repeat(500).getBytes(StandardCharsets.UTF_8);
    private static final long MAX = 1 << 24;

    private static byte[] oneShot(int mode, byte[] input) throws Exception {
        ZlibStream z = new ZlibStream(mode, -1, 0, null, MAX);
        try {
            return z.write(input, ZlibStream.Z_FINISH);
        } finally {
            z.close();
        }
    }

    /** Feeds {@code input} in pieces of {@code size} bytes, then finishes. */
    private static byte[] chunked(ZlibStream z, byte[] input, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < input.length; i += size) {
            out.writeBytes(z.write(Arrays.copyOfRange(input, i, Math.min(input.length, i + size)), ZlibStream.Z_NO_FLUSH));
        }
        out.writeBytes(z.write(new byte[0], ZlibStream.Z_FINISH));
        z.close();
        return out.toByteArray();
    }

    @Test
    void rt6ChunkedCompressionEqualsOneShotAndRoundTrips() throws Exception {
        for (int[] modes : new int[][] {{ZlibStream.GZIP, ZlibStream.GUNZIP}, {ZlibStream.DEFLATE, ZlibStream.INFLATE},
                {ZlibStream.DEFLATERAW, ZlibStream.INFLATERAW}, {ZlibStream.GZIP, ZlibStream.UNZIP},
                {ZlibStream.DEFLATE, ZlibStream.UNZIP}}) {
            byte[] whole = oneShot(modes[0], TEXT);
            assertArrayEquals(whole, chunked(new ZlibStream(modes[0], -1, 0, null, MAX), TEXT, 7), "mode " + modes[0]);
            // decompress one byte at a time: headers and trailers split anywhere
            assertArrayEquals(TEXT, chunked(new ZlibStream(modes[1], -1, 0, null, MAX), whole, 1), "mode " + modes[1]);
        }
    }

    @Test
    void rt6GzipIsStandardWithZlibsHeader() throws Exception {
        byte[] gz = oneShot(ZlibStream.GZIP, TEXT);
        assertEquals(3, gz[9]); // OS byte as zlib writes it (workerd's bytes)
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            assertArrayEquals(TEXT, in.readAllBytes());
        }
    }

    @Test
    void rt6ConcatenatedGzipMembersDecodeUnlessStrict() throws Exception {
        byte[] a = oneShot(ZlibStream.GZIP, "ab".getBytes(StandardCharsets.UTF_8));
        byte[] b = oneShot(ZlibStream.GZIP, "cd".getBytes(StandardCharsets.UTF_8));
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertEquals("abcd", new String(oneShot(ZlibStream.GUNZIP, both), StandardCharsets.UTF_8));
        ZlibStream strict = new ZlibStream(ZlibStream.GUNZIP, -1, 0, null, MAX).strictEnd();
        ZlibStream.ZlibException e = assertThrows(ZlibStream.ZlibException.class, () -> strict.write(both, ZlibStream.Z_FINISH));
        assertEquals("Trailing bytes after end of compressed data", e.getMessage());
    }

    @Test
    void rt6ErrorsUseZlibsMessages() throws Exception {
        byte[] junk = "not compressed".getBytes(StandardCharsets.UTF_8);
        assertEquals("incorrect header check", assertThrows(ZlibStream.ZlibException.class,
                () -> oneShot(ZlibStream.GUNZIP, junk)).getMessage());
        assertEquals("incorrect header check", assertThrows(ZlibStream.ZlibException.class,
                () -> oneShot(ZlibStream.INFLATE, junk)).getMessage());
        byte[] deflated = oneShot(ZlibStream.DEFLATE, TEXT);
        ZlibStream.ZlibException truncated = assertThrows(ZlibStream.ZlibException.class,
                () -> oneShot(ZlibStream.INFLATE, Arrays.copyOf(deflated, 10)));
        assertEquals("unexpected end of file", truncated.getMessage());
        assertEquals("Z_BUF_ERROR", truncated.code());
        byte[] gz = oneShot(ZlibStream.GZIP, TEXT);
        gz[gz.length - 6] ^= 1; // corrupt the CRC
        assertEquals("incorrect data check", assertThrows(ZlibStream.ZlibException.class,
                () -> oneShot(ZlibStream.GUNZIP, gz)).getMessage());
        ZlibStream small = new ZlibStream(ZlibStream.INFLATE, -1, 0, null, 100);
        assertEquals("Memory limit exceeded", assertThrows(ZlibStream.ZlibException.class,
                () -> small.write(deflated, ZlibStream.Z_FINISH)).getMessage());
    }

    @Test
    void rt6DictionaryIsNeededAndUsed() throws Exception {
        byte[] dict = "stream me through".getBytes(StandardCharsets.UTF_8);
        ZlibStream d = new ZlibStream(ZlibStream.DEFLATE, -1, 0, dict, MAX);
        byte[] packed = d.write(TEXT, ZlibStream.Z_FINISH);
        d.close();
        assertEquals("Missing dictionary", assertThrows(ZlibStream.ZlibException.class,
                () -> oneShot(ZlibStream.INFLATE, packed)).getMessage());
        assertArrayEquals(TEXT, new ZlibStream(ZlibStream.INFLATE, -1, 0, dict, MAX).write(packed, ZlibStream.Z_FINISH));
    }

    @Test
    void rt6SyncFlushEmitsDecodableOutputMidStream() throws Exception {
        ZlibStream z = new ZlibStream(ZlibStream.GZIP, -1, 0, null, MAX);
        byte[] first = z.write("event: 1\n\n".getBytes(StandardCharsets.UTF_8), ZlibStream.Z_SYNC_FLUSH);
        ZlibStream in = new ZlibStream(ZlibStream.GUNZIP, -1, 0, null, MAX);
        assertEquals("event: 1\n\n", new String(in.write(first, ZlibStream.Z_NO_FLUSH), StandardCharsets.UTF_8));
        z.close();
        in.close();
    }
}
