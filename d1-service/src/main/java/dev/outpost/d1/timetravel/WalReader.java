package dev.outpost.d1.timetravel;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads committed transactions out of a SQLite WAL file (format: https://sqlite.org/fileformat2.html#walformat).
 * A frame belongs to the log only if its salts match the header and its cumulative checksum
 * verifies, exactly SQLite's own recovery rule; only frames up to the last commit frame (non-zero
 * "database size after commit") are returned, so uncommitted or rolled-back frames left past the
 * end are never archived.
 */
public final class WalReader {

    static final int HEADER_SIZE = 32;
    static final int FRAME_HEADER_SIZE = 24;
    private static final int MAGIC_LE = 0x377f0682;
    private static final int MAGIC_BE = 0x377f0683;

    private WalReader() {
    }

    /** One page image of a committed transaction. */
    public record Frame(int pageNumber, byte[] page) {
    }

    /**
     * One committed transaction: its page images in log order, the database size in pages after
     * it, and the WAL position right after its commit frame.
     */
    public record Transaction(List<Frame> frames, int databasePages, Cursor end) {
    }

    /**
     * How far a WAL has been consumed: the end of the last committed transaction read, with the
     * running checksum there, so reading can resume without rereading the log.
     */
    public record Cursor(int salt1, int salt2, long offset, int checksum1, int checksum2, boolean bigEndian, int pageSize) {
    }

    public record Result(List<Transaction> transactions, Cursor cursor) {
    }

    /**
     * The committed transactions after {@code from} (or from the start of the log when {@code from}
     * is null or belongs to an earlier log generation, i.e. the salts differ).
     */
    public static Result readCommitted(Path wal, Cursor from) throws IOException {
        if (!Files.exists(wal)) {
            return new Result(List.of(), from);
        }
        try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_SIZE) {
                return new Result(List.of(), from);
            }
            byte[] hdr = read(ch, 0, HEADER_SIZE);
            ByteBuffer h = ByteBuffer.wrap(hdr);
            int magic = h.getInt(0);
            if (magic != MAGIC_LE && magic != MAGIC_BE) {
                return new Result(List.of(), from);
            }
            boolean be = magic == MAGIC_BE;
            int pageSize = h.getInt(8);
            int salt1 = h.getInt(16);
            int salt2 = h.getInt(20);
            int[] ck = checksum(be, hdr, 0, 24, 0, 0);
            if (ck[0] != h.getInt(24) || ck[1] != h.getInt(28)) {
                return new Result(List.of(), from);
            }
            Cursor start = from != null && from.salt1() == salt1 && from.salt2() == salt2
                    && from.offset() >= HEADER_SIZE && from.offset() <= size
                    ? from
                    : new Cursor(salt1, salt2, HEADER_SIZE, ck[0], ck[1], be, pageSize);
            int frameSize = FRAME_HEADER_SIZE + pageSize;
            long off = start.offset();
            int c1 = start.checksum1();
            int c2 = start.checksum2();
            List<Transaction> txns = new ArrayList<>();
            List<Frame> pending = new ArrayList<>();
            Cursor committed = start;
            while (off + frameSize <= size) {
                byte[] f = read(ch, off, frameSize);
                ByteBuffer fb = ByteBuffer.wrap(f);
                if (fb.getInt(8) != salt1 || fb.getInt(12) != salt2) {
                    break;
                }
                int[] k = checksum(be, f, 0, 8, c1, c2);
                k = checksum(be, f, FRAME_HEADER_SIZE, pageSize, k[0], k[1]);
                if (k[0] != fb.getInt(16) || k[1] != fb.getInt(20)) {
                    break;
                }
                c1 = k[0];
                c2 = k[1];
                byte[] page = new byte[pageSize];
                System.arraycopy(f, FRAME_HEADER_SIZE, page, 0, pageSize);
                pending.add(new Frame(fb.getInt(0), page));
                off += frameSize;
                int dbPages = fb.getInt(4);
                if (dbPages != 0) {
                    committed = new Cursor(salt1, salt2, off, c1, c2, be, pageSize);
                    txns.add(new Transaction(pending, dbPages, committed));
                    pending = new ArrayList<>();
                }
            }
            return new Result(txns, committed);
        }
    }

    /** SQLite's WAL checksum: pairs of 32-bit words in the byte order named by the magic number. */
    static int[] checksum(boolean bigEndian, byte[] b, int off, int len, int s1, int s2) {
        for (int i = off; i < off + len; i += 8) {
            int x0 = word(b, i, bigEndian);
            int x1 = word(b, i + 4, bigEndian);
            s1 += x0 + s2;
            s2 += x1 + s1;
        }
        return new int[] {s1, s2};
    }

    private static int word(byte[] b, int i, boolean bigEndian) {
        if (bigEndian) {
            return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
        }
        return ((b[i + 3] & 0xff) << 24) | ((b[i + 2] & 0xff) << 16) | ((b[i + 1] & 0xff) << 8) | (b[i] & 0xff);
    }

    private static byte[] read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + buf.position());
            if (n < 0) {
                throw new EOFException();
            }
        }
        return buf.array();
    }
}
