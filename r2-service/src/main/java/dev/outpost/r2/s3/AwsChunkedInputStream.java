package dev.outpost.r2.s3;

import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.stream.BodyRejectedException;
import dev.outpost.r2.stream.Checksummer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * Decodes an aws-chunked body (what the AWS CLI and SDKs send for streamed uploads) while it
 * streams: {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD} (every chunk signed, chained from the request
 * signature), its {@code -TRAILER} variant (plus a signed trailer with a flexible checksum) and
 * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}. Chunk signatures and the trailer checksum are checked
 * as each chunk ends; the last ones before EOF is reported, so a bad body never completes an upload.
 */
public final class AwsChunkedInputStream extends InputStream {

    private static final int MAX_LINE = 8192;

    private final InputStream in;
    private final boolean signed;
    private final boolean trailer;
    private final SigV4Auth auth;
    private final String trailerName;
    private final Checksummer trailerChecksum;
    private String previousSignature;
    private long remainingInChunk;
    private String chunkSignature;
    private MessageDigest chunkDigest;
    private boolean done;
    /** The trailing checksum once it was checked against the body: echoed in the response, as S3 does. */
    private String verifiedTrailerValue;

    public AwsChunkedInputStream(InputStream in, SigV4Auth auth, String trailerHeader) {
        this.in = in;
        this.auth = auth;
        String mode = auth.payloadHash();
        this.signed = mode.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        this.trailer = mode.endsWith("-TRAILER");
        if (!signed && !mode.equals("STREAMING-UNSIGNED-PAYLOAD-TRAILER")) {
            throw R2Error.INVALID_ARGUMENT.exception("Unsupported x-amz-content-sha256: " + mode);
        }
        this.previousSignature = auth.signature();
        this.trailerName = trailerHeader == null ? null : trailerHeader.trim().toLowerCase(Locale.ROOT);
        Checksummer c = null;
        if (trailerName != null && trailerName.startsWith("x-amz-checksum-")) {
            c = Checksummer.create(trailerName.substring("x-amz-checksum-".length()));
        }
        this.trailerChecksum = c;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (remainingInChunk == 0) {
            if (done) {
                return -1;
            }
            nextChunk();
        }
        int n = in.read(b, off, (int) Math.min(len, remainingInChunk));
        if (n < 0) {
            throw reject(R2Error.INCOMPLETE_BODY, "The aws-chunked body ended inside a chunk.");
        }
        remainingInChunk -= n;
        if (chunkDigest != null) {
            chunkDigest.update(b, off, n);
        }
        if (trailerChecksum != null) {
            trailerChecksum.update(b, off, n);
        }
        if (remainingInChunk == 0) {
            endChunk();
        }
        return n;
    }

    /** Reads the CRLF after a chunk's data and checks its signature. */
    private void endChunk() throws IOException {
        String crlf = readLine();
        if (!crlf.isEmpty()) {
            throw reject(R2Error.INVALID_ARGUMENT, "Malformed aws-chunked body: chunk data not followed by CRLF.");
        }
        if (signed) {
            verifyChunk(SigV4Verifier.hex(chunkDigest.digest()));
        }
    }

    private void nextChunk() throws IOException {
        String header = readLine();
        int semi = header.indexOf(';');
        String sizeText = semi < 0 ? header.trim() : header.substring(0, semi).trim();
        long size;
        try {
            size = Long.parseLong(sizeText, 16);
        } catch (NumberFormatException e) {
            throw reject(R2Error.INVALID_ARGUMENT, "Malformed aws-chunked body: bad chunk size.");
        }
        if (size < 0) {
            throw reject(R2Error.INVALID_ARGUMENT, "Malformed aws-chunked body: bad chunk size.");
        }
        chunkSignature = null;
        if (semi >= 0) {
            String ext = header.substring(semi + 1).trim();
            if (ext.startsWith("chunk-signature=")) {
                chunkSignature = ext.substring("chunk-signature=".length()).trim();
            }
        }
        if (signed && chunkSignature == null) {
            throw reject(R2Error.SIGNATURE_DOES_NOT_MATCH, "A chunk carries no chunk-signature.");
        }
        if (size == 0) {
            if (signed) {
                verifyChunk(SigV4Verifier.EMPTY_SHA256);
            }
            finish();
            return;
        }
        remainingInChunk = size;
        chunkDigest = signed ? sha256() : null;
    }

    private void verifyChunk(String dataHash) throws IOException {
        String toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + auth.amzDate() + "\n" + auth.scope() + "\n" + previousSignature
                + "\n" + SigV4Verifier.EMPTY_SHA256 + "\n" + dataHash;
        String expected = SigV4Verifier.sign(auth.signingKey(), toSign);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                chunkSignature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw reject(R2Error.SIGNATURE_DOES_NOT_MATCH, "A chunk signature does not match.");
        }
        previousSignature = expected;
    }

    /** After the zero-length chunk: trailers (if any) and the final CRLF. */
    private void finish() throws IOException {
        done = true;
        if (!trailer) {
            String end = readLineOrEof();
            if (end != null && !end.isEmpty()) {
                throw reject(R2Error.INVALID_ARGUMENT, "Malformed aws-chunked body after the last chunk.");
            }
            return;
        }
        StringBuilder canonicalTrailer = new StringBuilder();
        String trailerSignature = null;
        String checksumValue = null;
        while (true) {
            String line = readLineOrEof();
            if (line == null || line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw reject(R2Error.INVALID_ARGUMENT, "Malformed trailer in aws-chunked body.");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("x-amz-trailer-signature")) {
                trailerSignature = value;
            } else {
                canonicalTrailer.append(name).append(':').append(value).append('\n');
                if (name.equals(trailerName)) {
                    checksumValue = value;
                }
            }
        }
        if (signed) {
            if (trailerSignature == null) {
                throw reject(R2Error.SIGNATURE_DOES_NOT_MATCH, "The trailer carries no signature.");
            }
            String toSign = "AWS4-HMAC-SHA256-TRAILER\n" + auth.amzDate() + "\n" + auth.scope() + "\n"
                    + previousSignature + "\n"
                    + SigV4Verifier.hex(SigV4Verifier.sha256(canonicalTrailer.toString().getBytes(StandardCharsets.UTF_8)));
            String expected = SigV4Verifier.sign(auth.signingKey(), toSign);
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    trailerSignature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                throw reject(R2Error.SIGNATURE_DOES_NOT_MATCH, "The trailer signature does not match.");
            }
        }
        if (trailerChecksum != null) {
            if (checksumValue == null) {
                throw reject(R2Error.INVALID_REQUEST, "The announced trailing checksum " + trailerName + " is missing.");
            }
            byte[] expected;
            try {
                expected = Base64.getDecoder().decode(checksumValue);
            } catch (IllegalArgumentException e) {
                throw reject(R2Error.INVALID_DIGEST, "The trailing checksum is not valid base64.");
            }
            if (!MessageDigest.isEqual(expected, trailerChecksum.finish())) {
                throw reject(R2Error.BAD_DIGEST, "The " + trailerName + " you specified did not match the calculated checksum.");
            }
            verifiedTrailerValue = checksumValue;
        }
    }

    /** The announced trailer header name (e.g. x-amz-checksum-crc32), or null. */
    public String trailerName() {
        return trailerName;
    }

    /** The trailing checksum value, once the body was read and it matched; else null. */
    public String verifiedTrailerValue() {
        return verifiedTrailerValue;
    }

    private String readLine() throws IOException {
        String line = readLineOrEof();
        if (line == null) {
            throw reject(R2Error.INCOMPLETE_BODY, "The aws-chunked body ended early.");
        }
        return line;
    }

    private String readLineOrEof() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int previous = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return line.size() == 0 && previous < 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (c == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(c);
            previous = c;
            if (line.size() > MAX_LINE) {
                throw reject(R2Error.INVALID_ARGUMENT, "Malformed aws-chunked body: line too long.");
            }
        }
    }

    private static BodyRejectedException reject(R2Error error, String message) {
        return new BodyRejectedException(error.exception(message));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
