package dev.outpost.d1.timetravel;

import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * D1-15 bookmarks: {@code 00000000-HHHHHHHH-LLLLLLLL-<32 hex>}. The middle groups are the 64-bit
 * log sequence number (LSN) of a commit, fixed-width lowercase hex, so string order = commit
 * order; the first group is reserved (format 0); the last is a digest of database id + LSN, so a
 * bookmark of another database is recognised and refused. LSNs only grow (a restore is itself a
 * new LSN), so bookmarks stay ordered across restores (D1-7 sessions rely on it).
 */
public final class Bookmark {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}");

    private Bookmark() {
    }

    public static String format(String databaseId, long lsn) {
        return String.format("%08x-%08x-%08x-%s", 0, lsn >>> 32, lsn & 0xffffffffL, digest(databaseId, lsn));
    }

    /** The LSN of a bookmark of this database, or a D1 error (code given) when it is not one. */
    public static long parse(String databaseId, String bookmark, D1ErrorCode errorCode) {
        String b = bookmark == null ? "" : bookmark.trim();
        if (!SHAPE.matcher(b).matches() || !b.startsWith("00000000-")) {
            throw new D1Exception(errorCode, "Invalid bookmark: " + bookmark);
        }
        long lsn = (Long.parseLong(b.substring(9, 17), 16) << 32) | Long.parseLong(b.substring(18, 26), 16);
        if (!b.substring(27).equals(digest(databaseId, lsn))) {
            throw new D1Exception(errorCode, "Bookmark " + bookmark + " does not belong to database " + databaseId);
        }
        return lsn;
    }

    private static String digest(String databaseId, long lsn) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((databaseId + "/" + lsn).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
