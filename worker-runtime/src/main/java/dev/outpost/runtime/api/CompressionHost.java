package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Java half of compression.js (CompressionStream / DecompressionStream): gzip, deflate (zlib) and deflate-raw on
 * java.util.zip. The JS side collects a stream's chunks and calls once at the end (bodies are buffered at the Java
 * boundary anyway). {@code compress(format, mode, bytes)} returns an ArrayBuffer, or a string with the error
 * message for corrupt input.
 */
public final class CompressionHost implements HostApi {
    /** Decompressed output larger than this is refused rather than exhausting the heap (zip bombs). */
    private static final long MAX_OUTPUT = 128L * 1024 * 1024;
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

    @Override
    public void register(HostObject host) {
        try {
            host.function("compress", args -> {
                String format = JsArgs.string(args, 0);
                boolean decompress = "decompress".equals(JsArgs.string(args, 1));
                byte[] input = JsBytes.toBytes(JsArgs.arg(args, 2));
                try {
                    byte[] out = decompress ? decompress(format, input) : compress(format, input);
                    return JsBytes.toArrayBuffer(host.runtime(), out);
                } catch (ZipException | DataFormatException | java.io.EOFException e) {
                    return host.runtime().createV8ValueString("The compressed data is invalid or truncated.");
                } catch (SizeException e) {
                    return host.runtime().createV8ValueString(e.getMessage());
                }
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class SizeException extends IOException {
        SizeException() {
            super("Decompressed data exceeds " + MAX_OUTPUT + " bytes.");
        }
    }

    static byte[] compress(String format, byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length / 2));
        switch (format) {
            case "gzip" -> {
                // RT-6 the header zlib writes (no mtime, no flags, OS 3 = Unix), byte for byte what workerd's
                // CompressionStream and gzip Content-Encoding send; GZIPOutputStream would write OS 0.
                out.write(GZIP_HEADER);
                Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                try {
                    DeflaterOutputStream d = new DeflaterOutputStream(out, deflater);
                    d.write(input);
                    d.finish();
                } finally {
                    deflater.end();
                }
                CRC32 crc = new CRC32();
                crc.update(input);
                writeIntLE(out, (int) crc.getValue());
                writeIntLE(out, input.length);
            }
            case "deflate", "deflate-raw" -> {
                Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, format.equals("deflate-raw"));
                try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
                    d.write(input);
                } finally {
                    deflater.end();
                }
            }
            default -> throw new IllegalArgumentException("unsupported format " + format);
        }
        return out.toByteArray();
    }

    private static void writeIntLE(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    static byte[] decompress(String format, byte[] input) throws IOException, DataFormatException {
        if (format.equals("gzip")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input))) {
                return readBounded(in);
            }
        }
        Inflater inflater = new Inflater(format.equals("deflate-raw"));
        try {
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length * 2));
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new java.io.EOFException("truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_OUTPUT) {
                    throw new SizeException();
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_OUTPUT) {
                throw new SizeException();
            }
        }
        return out.toByteArray();
    }

}
