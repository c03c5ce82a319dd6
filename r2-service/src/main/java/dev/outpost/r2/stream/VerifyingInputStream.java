package dev.outpost.r2.stream;

import dev.outpost.r2.error.R2Error;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks an upload while it streams: the byte count against the declared length, and any number of
 * expected digests. All checks run when the underlying stream ends, before EOF is reported, so a
 * writer that holds back its last bytes until EOF (see the storage's streaming request body) never
 * lets a bad body reach the backend complete.
 */
public final class VerifyingInputStream extends FilterInputStream {

    /** One expected digest and the error to raise when it does not match. */
    public record Expectation(String algorithm, byte[] expected, R2Error error) {
    }

    private final long expectedLength;
    private final List<Checksummer> digests = new ArrayList<>();
    private final List<Expectation> expectations;
    private long count;
    private boolean verified;

    public VerifyingInputStream(InputStream in, long expectedLength, List<Expectation> expectations) {
        super(in);
        this.expectedLength = expectedLength;
        this.expectations = expectations;
        for (Expectation e : expectations) {
            Checksummer c = Checksummer.create(e.algorithm());
            if (c == null) {
                throw new IllegalArgumentException("unknown checksum " + e.algorithm());
            }
            digests.add(c);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            verify();
            return -1;
        }
        count += n;
        if (expectedLength >= 0 && count > expectedLength) {
            throw new BodyRejectedException(R2Error.INVALID_REQUEST.exception(
                    "The body is longer than the declared length of " + expectedLength + " bytes."));
        }
        for (Checksummer d : digests) {
            d.update(b, off, n);
        }
        return n;
    }

    private void verify() throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        if (expectedLength >= 0 && count != expectedLength) {
            throw new BodyRejectedException(R2Error.INCOMPLETE_BODY.exception());
        }
        for (int i = 0; i < expectations.size(); i++) {
            byte[] actual = digests.get(i).finish();
            if (!Arrays.equals(actual, expectations.get(i).expected())) {
                throw new BodyRejectedException(expectations.get(i).error().exception());
            }
        }
    }

    public long count() {
        return count;
    }
}
