package dev.outpost.d1.service;

import dev.outpost.d1.error.D1Exception;
import dev.outpost.d1.model.ExportOptions;
import dev.outpost.d1.storage.DbConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * D1-13 export format, following SQLite's shell .dump as D1 does: {@code PRAGMA
 * defer_foreign_keys=TRUE;}, then per table its CREATE TABLE (as {@code CREATE TABLE IF NOT EXISTS})
 * and {@code INSERT INTO "t" ("a","b") VALUES(...);} rows (BLOBs as {@code X'hex'}, newlines in
 * text through replace(...,char(10)) so each statement stays on one line), then indexes,
 * triggers and views. Tables named {@code _cf_*} / {@code sqlite_*} are internal and skipped
 * (except sqlite_sequence, whose rows keep AUTOINCREMENT counters); virtual tables are refused.
 * Runs inside one read transaction so the dump is a consistent snapshot.
 */
public final class SqlDump {

    private SqlDump() {
    }

    /** Writes the dump; returns the number of statements written. */
    public static long write(DbConnection c, ExportOptions options, Writer out) throws SQLException {
        Set<String> only = new HashSet<>(options.tables());
        long count = 0;
        boolean tx = false;
        try {
            c.execute("BEGIN");
            tx = true;
            emit(out, "PRAGMA defer_foreign_keys=TRUE;");
            count++;
            List<String[]> tables = new ArrayList<>();
            try (Statement st = c.jdbc().createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_schema WHERE type='table' AND sql NOT NULL "
                         + "ORDER BY tbl_name='sqlite_sequence', rowid")) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] t : tables) {
                String name = t[0];
                String sql = t[1];
                if (!only.isEmpty() && !only.contains(name)) {
                    continue;
                }
                if (name.equals("sqlite_sequence")) {
                    if (!options.noSchema()) {
                        emit(out, "DELETE FROM sqlite_sequence;");
                        count++;
                    }
                } else if (sql.regionMatches(true, 0, "CREATE VIRTUAL TABLE", 0, 20)) {
                    throw D1Exception.sql("D1 Export error: cannot export databases with Virtual Tables (" + name + ")");
                } else if (name.startsWith("_cf_") || name.startsWith("sqlite_")) {
                    continue;
                } else if (!options.noSchema()) {
                    emit(out, ifNotExists(sql) + ";");
                    count++;
                }
                if (!options.noData()) {
                    count += dumpRows(c, name, out);
                }
            }
            if (!options.noSchema()) {
                try (Statement st = c.jdbc().createStatement();
                     ResultSet rs = st.executeQuery("SELECT name, tbl_name, sql FROM sqlite_schema WHERE sql NOT NULL "
                             + "AND type IN ('index','trigger','view') ORDER BY type COLLATE NOCASE, rowid")) {
                    while (rs.next()) {
                        if (!only.isEmpty() && !only.contains(rs.getString(1)) && !only.contains(rs.getString(2))) {
                            continue;
                        }
                        if (rs.getString(1).startsWith("_cf_")) {
                            continue;
                        }
                        emit(out, rs.getString(3) + ";");
                        count++;
                    }
                }
            }
            return count;
        } finally {
            if (tx) {
                try {
                    c.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // read transaction already gone
                }
            }
        }
    }

    private static long dumpRows(DbConnection c, String table, Writer out) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = c.jdbc().createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + quoteId(table) + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        if (columns.isEmpty()) {
            return 0;
        }
        StringBuilder cols = new StringBuilder();
        for (String col : columns) {
            cols.append(cols.isEmpty() ? "" : ",").append(quoteId(col));
        }
        String prefix = "INSERT INTO " + quoteId(table) + " (" + cols + ") VALUES(";
        long n = 0;
        try (Statement st = c.jdbc().createStatement();
             ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + quoteId(table))) {
            while (rs.next()) {
                StringBuilder line = new StringBuilder(prefix);
                for (int i = 1; i <= columns.size(); i++) {
                    if (i > 1) {
                        line.append(',');
                    }
                    line.append(literal(rs.getObject(i)));
                }
                emit(out, line.append(");").toString());
                n++;
            }
        }
        return n;
    }

    /** A SQL literal for a D1-9 value. */
    static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Double d) {
            if (d.isInfinite()) {
                return d > 0 ? "9.0e999" : "-9.0e999";
            }
            return d.toString();
        }
        if (v instanceof byte[] b) {
            StringBuilder sb = new StringBuilder(b.length * 2 + 3).append("X'");
            for (byte x : b) {
                sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return sb.append('\'').toString();
        }
        String s = v.toString();
        String quoted = "'" + s.replace("'", "''") + "'";
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return quoted;
        }
        String nl = unused(s, "\\n", "\\012");
        String cr = unused(s, "\\r", "\\015");
        String out = "'" + s.replace("'", "''").replace("\n", nl).replace("\r", cr) + "'";
        if (s.indexOf('\r') >= 0) {
            out = "replace(" + out + ",'" + cr + "',char(13))";
        }
        if (s.indexOf('\n') >= 0) {
            out = "replace(" + out + ",'" + nl + "',char(10))";
        }
        return out;
    }

    private static String unused(String value, String primary, String secondary) {
        if (!value.contains(primary)) {
            return primary;
        }
        if (!value.contains(secondary)) {
            return secondary;
        }
        int i = 0;
        String candidate;
        do {
            candidate = "(" + primary + i++ + ")";
        } while (value.contains(candidate));
        return candidate;
    }

    private static String ifNotExists(String createTable) {
        String head = "CREATE TABLE ";
        if (createTable.regionMatches(true, 0, head, 0, head.length())
                && !createTable.regionMatches(true, head.length(), "IF NOT EXISTS", 0, 13)) {
            return "CREATE TABLE IF NOT EXISTS " + createTable.substring(head.length());
        }
        return createTable;
    }

    static String quoteId(String id) {
        return "\"" + id.replace("\"", "\"\"") + "\"";
    }

    private static void emit(Writer out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
