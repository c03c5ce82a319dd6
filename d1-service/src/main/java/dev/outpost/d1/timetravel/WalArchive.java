package dev.outpost.d1.timetravel;

import org.jboss.logging.Logger;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Time Travel storage of one database: full snapshots of the database file plus an archive of
 * every committed WAL transaction (page images), the way Litestream does it.
 *
 * <p>Why this design: the state at any commit is exactly "a snapshot taken at or before it, with
 * the page images of every later commit up to it written over it" — a physical redo log, so the
 * restored file is byte-for-byte the database as it was, including values from random(),
 * CURRENT_TIMESTAMP or AUTOINCREMENT (a logical log of SQL statements would not replay those
 * faithfully). SQLite already produces these page images in its WAL; the writer copies each
 * committed transaction's frames from the WAL into this archive right after the commit (cheap:
 * the frames were just written), and SQLite's automatic checkpoints are disabled
 * (wal_autocheckpoint=0) so the WAL is only reset by {@code DatabaseHandle} after the archive has
 * everything. Periodic snapshots bound the replay a restore needs; snapshots and log segments
 * older than the retention window (keeping one base snapshot at or before its start) are deleted.
 *
 * <p>Every commit and every restore gets the next log sequence number (LSN); a restore is stored
 * as a snapshot with a new LSN, so history stays linear in LSN even though the database "went
 * back": state(lsn) = latest snapshot with LSN &le; lsn + records in (snapshot, lsn].
 *
 * <p>Files in the directory: {@code snap-<lsn>-<epochMs>.db} (hex, 16 digits each) and
 * {@code log-<firstLsn>.wal}, a sequence of records:
 * magic, lsn, timeMs, pageSize, dbPages, frameCount, frameCount × (pageNumber, page),
 * then the WAL cursor after the transaction (salts, offset, checksums, byte order) and a CRC32.
 * The cursor lets a restarted process resume archiving where it stopped. Records are written
 * without fsync (an OS crash loses at most the archive tail, which the still-present WAL refills
 * on restart); the segment is fsynced before the WAL is ever truncated.
 *
 * <p>Not thread-safe: used only on the database's writer queue, except the volatile LSN getters.
 */
public final class WalArchive implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WalArchive.class);
    private static final int MAGIC = 0x44315741; // "D1WA"
    private static final int RECORD_HEADER = 4 + 8 + 8 + 4 + 4 + 4;
    private static final int RECORD_TRAILER = 4 + 4 + 8 + 4 + 4 + 1 + 4;
    private static final long SEGMENT_ROLL_BYTES = 64L * 1024 * 1024;
    private static final Pattern SNAP = Pattern.compile("snap-([0-9a-f]{16})-([0-9a-f]{16})\\.db");
    private static final Pattern LOG_FILE = Pattern.compile("log-([0-9a-f]{16})\\.wal");

    /** A full copy of the database file as of {@code lsn}. */
    public record Snapshot(long lsn, long timeMs, Path file) {
    }

    private static final class Segment {
        final Path file;
        final long firstLsn;
        long lastLsn;
        long firstTime;
        long lastTime;

        Segment(Path file, long firstLsn) {
            this.file = file;
            this.firstLsn = firstLsn;
        }
    }

    private record RecordHeader(long position, long lsn, long timeMs, int pageSize, int dbPages, int frameCount) {
        long length() {
            return RECORD_HEADER + (long) frameCount * (4 + pageSize) + RECORD_TRAILER;
        }
    }

    private final Path dir;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private Segment current;
    private FileChannel currentChannel;
    private WalReader.Cursor cursor;
    private volatile long lastLsn;
    private volatile long lastTime;

    private WalArchive(Path dir) {
        this.dir = dir;
    }

    /** Opens (or creates) the archive in {@code dir}, repairing a torn record left by a crash. */
    public static WalArchive open(Path dir) throws IOException {
        Files.createDirectories(dir);
        WalArchive a = new WalArchive(dir);
        a.load();
        return a;
    }

    private void load() throws IOException {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                Matcher m = SNAP.matcher(n);
                if (m.matches()) {
                    snapshots.add(new Snapshot(Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16), p));
                } else if (LOG_FILE.matcher(n).matches()) {
                    logs.add(p);
                } else if (n.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
        snapshots.sort(Comparator.comparingLong(Snapshot::lsn));
        logs.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (int i = 0; i < logs.size(); i++) {
            Path p = logs.get(i);
            Matcher m = LOG_FILE.matcher(p.getFileName().toString());
            m.matches();
            Segment seg = new Segment(p, Long.parseUnsignedLong(m.group(1), 16));
            boolean last = i == logs.size() - 1;
            scanSegment(seg, last);
            if (seg.lastLsn > 0) {
                segments.add(seg);
            } else {
                Files.deleteIfExists(p);
            }
        }
        for (Snapshot s : snapshots) {
            advance(s.lsn(), s.timeMs());
        }
        for (Segment s : segments) {
            advance(s.lastLsn, s.lastTime);
        }
    }

    private void advance(long lsn, long time) {
        if (lsn > lastLsn) {
            lastLsn = lsn;
        }
        if (time > lastTime) {
            lastTime = time;
        }
    }

    /** Reads record headers; in the last segment also checks CRCs and cuts a torn tail. */
    private void scanSegment(Segment seg, boolean verify) throws IOException {
        try (FileChannel ch = FileChannel.open(seg.file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long pos = 0;
            while (pos < size) {
                RecordHeader h = readHeader(ch, pos);
                if (h == null || pos + h.length() > size || (verify && !crcMatches(ch, h))) {
                    LOG.warnf("Time Travel archive %s: discarding a torn record at %d", seg.file, pos);
                    ch.truncate(pos);
                    ch.force(true);
                    break;
                }
                if (seg.lastLsn == 0) {
                    seg.firstTime = h.timeMs();
                }
                seg.lastLsn = h.lsn();
                seg.lastTime = h.timeMs();
                if (verify) {
                    cursor = readCursor(ch, h);
                }
                pos += h.length();
            }
        }
    }

    private static RecordHeader readHeader(FileChannel ch, long pos) throws IOException {
        if (ch.size() - pos < RECORD_HEADER) {
            return null;
        }
        ByteBuffer b = read(ch, pos, RECORD_HEADER);
        if (b.getInt() != MAGIC) {
            return null;
        }
        long lsn = b.getLong();
        long time = b.getLong();
        int pageSize = b.getInt();
        int dbPages = b.getInt();
        int frames = b.getInt();
        if (pageSize < 512 || pageSize > 65536 || frames < 0) {
            return null;
        }
        return new RecordHeader(pos, lsn, time, pageSize, dbPages, frames);
    }

    private static boolean crcMatches(FileChannel ch, RecordHeader h) throws IOException {
        long len = h.length();
        CRC32 crc = new CRC32();
        long pos = h.position();
        long end = pos + len - 4;
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        while (pos < end) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            if (n <= 0) {
                return false;
            }
            buf.flip();
            crc.update(buf);
            pos += n;
        }
        return read(ch, end, 4).getInt() == (int) crc.getValue();
    }

    private static WalReader.Cursor readCursor(FileChannel ch, RecordHeader h) throws IOException {
        ByteBuffer t = read(ch, h.position() + h.length() - RECORD_TRAILER, RECORD_TRAILER);
        return new WalReader.Cursor(t.getInt(), t.getInt(), t.getLong(), t.getInt(), t.getInt(), t.get() != 0, h.pageSize());
    }

    public long currentLsn() {
        return lastLsn;
    }

    public long currentTime() {
        return lastTime;
    }

    /** Forget the WAL position: the WAL was checkpointed and truncated, the next frames start a new log. */
    public void resetCursor() {
        cursor = null;
    }

    /**
     * Archives every transaction committed to {@code walFile} since the last call; returns how
     * many. {@code commitTimeMs} is stamped on them (never earlier than the previous record).
     */
    public int capture(Path walFile, long commitTimeMs) throws IOException {
        WalReader.Result r = WalReader.readCommitted(walFile, cursor);
        for (WalReader.Transaction t : r.transactions()) {
            append(t, commitTimeMs);
        }
        if (!r.transactions().isEmpty()) {
            cursor = r.cursor();
        }
        return r.transactions().size();
    }

    private void append(WalReader.Transaction t, long nowMs) throws IOException {
        long lsn = lastLsn + 1;
        long time = Math.max(nowMs, lastTime);
        WalReader.Cursor end = t.end();
        int pageSize = end.pageSize();
        int len = RECORD_HEADER + t.frames().size() * (4 + pageSize) + RECORD_TRAILER;
        ByteBuffer b = ByteBuffer.allocate(len);
        b.putInt(MAGIC).putLong(lsn).putLong(time).putInt(pageSize).putInt(t.databasePages()).putInt(t.frames().size());
        for (WalReader.Frame f : t.frames()) {
            b.putInt(f.pageNumber()).put(f.page());
        }
        b.putInt(end.salt1()).putInt(end.salt2()).putLong(end.offset()).putInt(end.checksum1()).putInt(end.checksum2())
                .put((byte) (end.bigEndian() ? 1 : 0));
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, len - 4);
        b.putInt((int) crc.getValue());
        b.flip();
        FileChannel ch = channelFor(lsn, time);
        long pos = ch.size();
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
        current.lastLsn = lsn;
        current.lastTime = time;
        lastTime = time;
        lastLsn = lsn;
    }

    private FileChannel channelFor(long lsn, long time) throws IOException {
        if (currentChannel != null && currentChannel.size() >= SEGMENT_ROLL_BYTES) {
            closeSegment();
        }
        if (currentChannel == null) {
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && last.lastLsn == lsn - 1 && Files.size(last.file) < SEGMENT_ROLL_BYTES
                    && (snapshots.isEmpty() || snapshots.get(snapshots.size() - 1).lsn() < last.firstLsn)) {
                current = last; // reopen the tail segment after a restart
            } else {
                current = new Segment(dir.resolve(String.format("log-%016x.wal", lsn)), lsn);
                current.firstTime = time;
                segments.add(current);
            }
            currentChannel = FileChannel.open(current.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
        return currentChannel;
    }

    private void closeSegment() throws IOException {
        if (currentChannel != null) {
            currentChannel.force(true);
            currentChannel.close();
            currentChannel = null;
            current = null;
        }
    }

    /** fsync of the open log segment: called before the WAL is truncated or the files are swapped. */
    public void sync() throws IOException {
        if (currentChannel != null) {
            currentChannel.force(true);
        }
    }

    /**
     * Stores a copy of {@code databaseFile} (which must be fully checkpointed and not being written)
     * as a snapshot. With {@code newLsn} the copy is a new state (creation, restore) and gets the
     * next LSN; otherwise it is a periodic snapshot of the current LSN (skipped if one exists).
     * Returns the snapshot's LSN.
     */
    public long snapshot(Path databaseFile, long nowMs, boolean newLsn) throws IOException {
        long lsn = newLsn ? lastLsn + 1 : lastLsn;
        if (!newLsn && !snapshots.isEmpty() && snapshots.get(snapshots.size() - 1).lsn() == lsn) {
            return lsn;
        }
        long time = Math.max(nowMs, lastTime);
        closeSegment();
        Path target = dir.resolve(String.format("snap-%016x-%016x.db", lsn, time));
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        Files.copy(databaseFile, tmp, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory();
        snapshots.add(new Snapshot(lsn, time, target));
        snapshots.sort(Comparator.comparingLong(Snapshot::lsn));
        advance(lsn, time);
        return lsn;
    }

    public Snapshot latestSnapshot() {
        return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
    }

    /** The snapshot file stored for exactly {@code lsn}, or null. */
    public Path snapshotFile(long lsn) {
        for (Snapshot s : snapshots) {
            if (s.lsn() == lsn) {
                return s.file();
            }
        }
        return null;
    }

    /** Oldest LSN this archive can still rebuild. */
    public long oldestLsn() {
        return snapshots.isEmpty() ? Long.MAX_VALUE : snapshots.get(0).lsn();
    }

    /** The newest LSN committed at or before {@code timeMs}, or -1 when the archive holds none that old. */
    public long lsnAt(long timeMs) throws IOException {
        long best = -1;
        for (Snapshot s : snapshots) {
            if (s.timeMs() <= timeMs) {
                best = Math.max(best, s.lsn());
            }
        }
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment seg = segments.get(i);
            if (seg.firstTime > timeMs) {
                continue;
            }
            for (RecordHeader h : headers(seg)) {
                if (h.timeMs() <= timeMs) {
                    best = Math.max(best, h.lsn());
                }
            }
            break;
        }
        return best;
    }

    /** Writes the database file as of {@code lsn} to {@code target}. */
    public void reconstruct(long lsn, Path target) throws IOException {
        Snapshot base = null;
        for (Snapshot s : snapshots) {
            if (s.lsn() <= lsn) {
                base = s;
            }
        }
        if (base == null || lsn > lastLsn) {
            throw new IllegalArgumentException("LSN " + lsn + " is not in the archive");
        }
        sync();
        Files.copy(base.file(), target, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            for (Segment seg : segments) {
                if (seg.lastLsn <= base.lsn() || seg.firstLsn > lsn) {
                    continue;
                }
                try (FileChannel in = FileChannel.open(seg.file, StandardOpenOption.READ)) {
                    for (RecordHeader h : headers(seg)) {
                        if (h.lsn() <= base.lsn()) {
                            continue;
                        }
                        if (h.lsn() > lsn) {
                            break;
                        }
                        long pos = h.position() + RECORD_HEADER;
                        for (int f = 0; f < h.frameCount(); f++) {
                            int pageNumber = read(in, pos, 4).getInt();
                            ByteBuffer page = read(in, pos + 4, h.pageSize());
                            long at = (long) (pageNumber - 1) * h.pageSize();
                            while (page.hasRemaining()) {
                                at += out.write(page, at);
                            }
                            pos += 4 + h.pageSize();
                        }
                        out.truncate((long) h.dbPages() * h.pageSize());
                    }
                }
            }
            out.force(true);
        }
    }

    /**
     * Drops what no restore inside the window can need: keeps the newest snapshot taken at or
     * before {@code windowStartMs} as the base and everything after it.
     */
    public void prune(long windowStartMs) throws IOException {
        Snapshot base = null;
        for (Snapshot s : snapshots) {
            if (s.timeMs() <= windowStartMs) {
                base = s;
            }
        }
        if (base == null) {
            return;
        }
        for (Snapshot s : new ArrayList<>(snapshots)) {
            if (s.lsn() < base.lsn()) {
                Files.deleteIfExists(s.file());
                snapshots.remove(s);
            }
        }
        for (Segment seg : new ArrayList<>(segments)) {
            if (seg != current && seg.lastLsn <= base.lsn()) {
                Files.deleteIfExists(seg.file);
                segments.remove(seg);
            }
        }
    }

    private List<RecordHeader> headers(Segment seg) throws IOException {
        if (seg == current) {
            sync();
        }
        List<RecordHeader> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(seg.file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            while (pos < size) {
                RecordHeader h = readHeader(ch, pos);
                if (h == null || pos + h.length() > size) {
                    break;
                }
                out.add(h);
                pos += h.length();
            }
        }
        return out;
    }

    private void fsyncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // Not every platform can fsync a directory; the rename is still atomic.
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + buf.position());
            if (n < 0) {
                throw new EOFException();
            }
        }
        buf.flip();
        return buf;
    }

    @Override
    public void close() throws IOException {
        closeSegment();
    }
}
