package dev.outpost.runtime.api;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * RT-6 one zlib stream as Node's {@code zlib} handle runs it (modes DEFLATE … UNZIP, Node's numbering), on the JDK's
 * Deflater/Inflater (the same zlib workerd uses, so compressed bytes match). Fed chunk by chunk with a flush mode;
 * {@link #write} answers the bytes produced so far. The gzip header and trailer are written/parsed here (the JDK's
 * GZIP streams write OS byte 0 and cannot stream incrementally): header as zlib writes it (OS 3), concatenated gzip
 * members are decoded one after another, as zlib's inflate does for Node. Errors carry zlib's own messages
 * ("incorrect header check", "unexpected end of file", ...). Not thread-safe: used from one isolate thread.
 */
public final class ZlibStream {
    public static final int DEFLATE = 1;
    public static final int INFLATE = 2;
    public static final int GZIP = 3;
    public static final int GUNZIP = 4;
    public static final int DEFLATERAW = 5;
    public static final int INFLATERAW = 6;
    public static final int UNZIP = 7;

    public static final int Z_NO_FLUSH = 0;
    public static final int Z_PARTIAL_FLUSH = 1;
    public static final int Z_SYNC_FLUSH = 2;
    public static final int Z_FULL_FLUSH = 3;
    public static final int Z_FINISH = 4;

    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

    /** A zlib error: {@code message} is zlib's text, {@code code} its Z_* name. */
    public static final class ZlibException extends Exception {
        private final String code;

        ZlibException(String message, String code) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final int mode;
    private final long maxOutput;
    private final byte[] dictionary;
    private Deflater deflater;
    private Inflater inflater;
    private final CRC32 crc = new CRC32();
    private long totalIn;
    private boolean headerWritten;
    /** Inflate side: bytes not yet consumed (gzip header/trailer parsing needs to look ahead). */
    private byte[] pending = new byte[0];
    /** Gunzip state: 0 = header, 1 = body, 2 = trailer, 3 = member done. */
    private int gzState;
    /** UNZIP: decided once the first two bytes are known. */
    private int inflateMode;
    private boolean ended;
    /** DecompressionStream (web) semantics: one member only, any byte after the end is an error. */
    private boolean strictEnd;

    public ZlibStream(int mode, int level, int strategy, byte[] dictionary, long maxOutput) {
        this.mode = mode;
        this.maxOutput = maxOutput;
        this.dictionary = dictionary == null || dictionary.length == 0 ? null : dictionary;
        switch (mode) {
            case DEFLATE, GZIP, DEFLATERAW -> {
                deflater = new Deflater(level, mode != DEFLATE);
                deflater.setStrategy(switch (strategy) {
                    case 1 -> Deflater.FILTERED;
                    case 2 -> Deflater.HUFFMAN_ONLY;
                    default -> Deflater.DEFAULT_STRATEGY; // Z_RLE/Z_FIXED: the JDK has no switch for them
                });
                if (this.dictionary != null) {
                    deflater.setDictionary(this.dictionary);
                }
            }
            case INFLATE, GUNZIP, INFLATERAW, UNZIP -> inflateMode = mode == UNZIP ? 0 : mode;
            default -> throw new IllegalArgumentException("bad zlib mode " + mode);
        }
    }

    /** Web DecompressionStream behaviour (workerd): bytes after the end of the data are an error. */
    public ZlibStream strictEnd() {
        this.strictEnd = true;
        return this;
    }

    /** Feeds {@code input} with Node's flush mode; answers the output produced. */
    public byte[] write(byte[] input, int flush) throws ZlibException {
        if (ended) {
            throw new ZlibException("zlib binding closed", "ERR_ZLIB_BINDING_CLOSED");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length / 2));
        if (deflater != null) {
            deflate(input, flush, out);
        } else {
            inflate(input, flush, out);
        }
        return out.toByteArray();
    }

    private void deflate(byte[] input, int flush, ByteArrayOutputStream out) throws ZlibException {
        if (mode == GZIP && !headerWritten) {
            out.writeBytes(GZIP_HEADER);
            headerWritten = true;
        }
        crc.update(input);
        totalIn += input.length;
        deflater.setInput(input);
        byte[] buffer = new byte[16384];
        if (flush == Z_FINISH) {
            deflater.finish();
            while (!deflater.finished()) {
                append(out, buffer, deflater.deflate(buffer));
            }
            if (mode == GZIP) {
                writeIntLE(out, (int) crc.getValue());
                writeIntLE(out, (int) totalIn);
            }
            ended = true;
            return;
        }
        int jdkFlush = switch (flush) {
            case Z_SYNC_FLUSH, Z_PARTIAL_FLUSH -> Deflater.SYNC_FLUSH;
            case Z_FULL_FLUSH -> Deflater.FULL_FLUSH;
            default -> Deflater.NO_FLUSH;
        };
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, jdkFlush);
            append(out, buffer, n);
            if (n < buffer.length && deflater.needsInput()) {
                break;
            }
        }
    }

    private void inflate(byte[] input, int flush, ByteArrayOutputStream out) throws ZlibException {
        pending = concat(pending, input);
        while (true) {
            if (inflateMode == 0) { // UNZIP: gzip magic → gunzip, else zlib
                if (pending.length < 2) {
                    break;
                }
                inflateMode = (pending[0] & 0xff) == 0x1f && (pending[1] & 0xff) == 0x8b ? GUNZIP : INFLATE;
            }
            if (inflateMode == GUNZIP && gzState == 3) {
                if (pending.length == 0) {
                    break;
                }
                if (strictEnd) {
                    throw trailing();
                }
                // another member follows (or garbage, which zlib reports as a bad header)
                gzState = 0;
                crc.reset();
                totalIn = 0;
                inflater.end();
                inflater = null;
            }
            if (inflateMode == GUNZIP && gzState == 0) {
                int headerLength = gzipHeaderLength(pending);
                if (headerLength < 0) {
                    break;
                }
                pending = java.util.Arrays.copyOfRange(pending, headerLength, pending.length);
                gzState = 1;
            }
            if (inflateMode == GUNZIP && gzState == 2) {
                if (pending.length < 8) {
                    break;
                }
                if (readIntLE(pending, 0) != (int) crc.getValue()) {
                    throw new ZlibException("incorrect data check", "Z_DATA_ERROR");
                }
                if (readIntLE(pending, 4) != (int) totalIn) {
                    throw new ZlibException("incorrect length check", "Z_DATA_ERROR");
                }
                pending = java.util.Arrays.copyOfRange(pending, 8, pending.length);
                gzState = 3;
                continue;
            }
            if (inflater == null) {
                inflater = new Inflater(inflateMode != INFLATE);
                if (inflateMode == INFLATERAW && dictionary != null) {
                    inflater.setDictionary(dictionary);
                }
            } else if (inflater.finished()) {
                if (strictEnd && pending.length > 0) {
                    throw trailing();
                }
                pending = new byte[0]; // zlib ignores bytes after the end of a zlib/raw stream
                break;
            }
            if (pending.length == 0 && inflater.needsInput()) {
                break;
            }
            byte[] fed = pending;
            inflater.setInput(fed);
            pending = new byte[0];
            byte[] buffer = new byte[16384];
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (inflateMode == GUNZIP) {
                        crc.update(buffer, 0, n);
                        totalIn += n;
                    }
                    append(out, buffer, n);
                    if (n == 0 && !inflater.finished()) {
                        if (!inflater.needsDictionary()) {
                            break; // needs more input
                        }
                        if (dictionary == null) {
                            throw new ZlibException("Missing dictionary", "Z_NEED_DICT");
                        }
                        try {
                            inflater.setDictionary(dictionary);
                        } catch (IllegalArgumentException e) {
                            throw new ZlibException("Bad dictionary", "Z_DATA_ERROR");
                        }
                    }
                }
            } catch (DataFormatException e) {
                throw new ZlibException(e.getMessage() == null ? "invalid data" : e.getMessage(), "Z_DATA_ERROR");
            }
            if (inflater.finished()) {
                // the inflater's unconsumed bytes are the tail of what it was given (gzip trailer, next member)
                int left = inflater.getRemaining();
                pending = java.util.Arrays.copyOfRange(fed, fed.length - left, fed.length);
                if (inflateMode == GUNZIP) {
                    gzState = 2;
                    continue;
                }
                if (strictEnd && pending.length > 0) {
                    throw trailing();
                }
                pending = new byte[0];
            }
            break;
        }
        if (flush == Z_FINISH) {
            boolean done = inflateMode == GUNZIP ? gzState == 3 && pending.length == 0
                    : inflater != null && inflater.finished();
            if (!done) {
                throw new ZlibException("unexpected end of file", "Z_BUF_ERROR");
            }
            ended = true;
        }
    }

    private static ZlibException trailing() {
        return new ZlibException("Trailing bytes after end of compressed data", "TRAILING_DATA");
    }

    private void append(ByteArrayOutputStream out, byte[] buffer, int n) throws ZlibException {
        out.write(buffer, 0, n);
        if (out.size() > maxOutput) {
            throw new ZlibException("Memory limit exceeded", "ERR_BUFFER_TOO_LARGE");
        }
    }

    /** Length of a complete gzip header at the start of {@code b}, -1 when more bytes are needed. */
    private static int gzipHeaderLength(byte[] b) throws ZlibException {
        if (b.length < 10) {
            if ((b.length >= 1 && (b[0] & 0xff) != 0x1f) || (b.length >= 2 && (b[1] & 0xff) != 0x8b)) {
                throw new ZlibException("incorrect header check", "Z_DATA_ERROR");
            }
            return -1;
        }
        if ((b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b) {
            throw new ZlibException("incorrect header check", "Z_DATA_ERROR");
        }
        if (b[2] != 8) {
            throw new ZlibException("unknown compression method", "Z_DATA_ERROR");
        }
        int flags = b[3] & 0xff;
        if ((flags & 0xe0) != 0) {
            throw new ZlibException("unknown header flags set", "Z_DATA_ERROR");
        }
        int p = 10;
        if ((flags & 4) != 0) { // FEXTRA
            if (b.length < p + 2) {
                return -1;
            }
            p += 2 + ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8);
        }
        for (int bit : new int[] {8, 16}) { // FNAME, FCOMMENT: zero-terminated
            if ((flags & bit) != 0) {
                while (true) {
                    if (p >= b.length) {
                        return -1;
                    }
                    if (b[p++] == 0) {
                        break;
                    }
                }
            }
        }
        if ((flags & 2) != 0) { // FHCRC
            p += 2;
        }
        return p <= b.length ? p : -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void writeIntLE(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static int readIntLE(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    /** Frees the native zlib state; further writes fail. */
    public void close() {
        ended = true;
        if (deflater != null) {
            deflater.end();
        }
        if (inflater != null) {
            inflater.end();
        }
    }
}
