package dev.outpost.d1.service;

import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import dev.outpost.d1.model.ExecOutcome;
import dev.outpost.d1.model.QueryMeta;
import dev.outpost.d1.model.SqlStatement;
import dev.outpost.d1.model.StatementResult;
import dev.outpost.contracts.sql.SqlSplitter;
import dev.outpost.d1.sql.StatementGuard;
import dev.outpost.d1.storage.DbConnection;
import dev.outpost.d1.storage.StorageSettings;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL on one connection with D1's semantics:
 * <ul>
 *   <li>D1-4: a query or batch is one transaction — every statement or none;</li>
 *   <li>D1-5: exec splits on newlines, one statement per line, and names the failing line;</li>
 *   <li>D1-8: meta per statement; D1-9: values as SQLite stores them;</li>
 *   <li>D1-10/11: statement guard and limits checked before anything runs;</li>
 *   <li>D1-12: SQLite's own error text passed through as "D1_ERROR: &lt;text&gt;: SQLITE_&lt;CODE&gt;".</li>
 * </ul>
 * Stateless; the caller (the database's writer queue or a reader) owns the connection.
 */
public final class QueryExecutor {

    private static final String[] RESET_SETTINGS = {
        "PRAGMA defer_foreign_keys=0", "PRAGMA foreign_keys=1", "PRAGMA case_sensitive_like=0",
        "PRAGMA ignore_check_constraints=0", "PRAGMA legacy_alter_table=0", "PRAGMA recursive_triggers=0",
        "PRAGMA reverse_unordered_selects=0"};

    private QueryExecutor() {
    }

    /** True when every statement can run on a read-only connection. */
    public static boolean allReads(List<SqlStatement> statements) {
        for (SqlStatement s : statements) {
            if (StatementGuard.classify(s.sql()) != StatementGuard.Kind.READ) {
                return false;
            }
        }
        return true;
    }

    /** D1-3/D1-4: runs the statements in order as one transaction. */
    public static List<StatementResult> run(DbConnection c, List<SqlStatement> statements, boolean includeRows) {
        if (statements.isEmpty()) {
            throw D1Exception.sql("No SQL statements detected.");
        }
        boolean settings = false;
        for (SqlStatement s : statements) {
            checkLimits(s, StorageSettings.MAX_STATEMENT_BYTES);
            settings |= StatementGuard.classify(s.sql()) == StatementGuard.Kind.SETTING;
        }
        boolean tx = c.isWriter() || statements.size() > 1;
        try {
            if (tx) {
                c.execute("BEGIN");
            }
            List<StatementResult> results = new ArrayList<>(statements.size());
            for (SqlStatement s : statements) {
                results.add(runOne(c, s, includeRows));
            }
            if (tx) {
                c.execute("COMMIT");
            }
            return results;
        } catch (Throwable t) {
            if (tx) {
                rollbackQuietly(c);
            }
            throw translate(t, c);
        } finally {
            if (settings) {
                resetSettings(c);
            }
        }
    }

    /** D1-5: trimmed input split on '\n'; blank and comment-only lines are skipped but counted for line numbers. */
    public static ExecOutcome exec(DbConnection c, String sql) {
        String[] lines = sql.trim().split("\n", -1);
        long start = System.nanoTime();
        int count = 0;
        boolean settings = false;
        try {
            c.execute("BEGIN");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                try {
                    for (String stmt : SqlSplitter.split(line)) {
                        SqlStatement s = SqlStatement.of(stmt);
                        checkLimits(s, StorageSettings.MAX_STATEMENT_BYTES);
                        settings |= StatementGuard.classify(stmt) == StatementGuard.Kind.SETTING;
                        runOne(c, s, false);
                        count++;
                    }
                } catch (Throwable t) {
                    D1Exception e = translate(t, c);
                    if (e.code() == D1ErrorCode.QUERY_TIMEOUT || e.code() == D1ErrorCode.QUERY_CANCELLED) {
                        throw e;
                    }
                    throw new D1Exception(D1ErrorCode.D1_EXEC_ERROR,
                            "Error in line " + (i + 1) + ": " + line + ": " + e.detail(), e);
                }
            }
            if (count == 0) {
                throw D1Exception.sql("No SQL statements detected.");
            }
            c.execute("COMMIT");
            return new ExecOutcome(count, (System.nanoTime() - start) / 1e6);
        } catch (Throwable t) {
            rollbackQuietly(c);
            throw translate(t, c);
        } finally {
            if (settings) {
                resetSettings(c);
            }
        }
    }

    /**
     * Import (D1-13): every statement of a SQL stream in one transaction. Statement length is
     * raised for the duration (dumps carry big literals); transaction statements are refused.
     * Returns the meta of the whole import (changes summed).
     */
    public static QueryMeta importSql(DbConnection c, Reader sql, long[] countOut) {
        long start = System.nanoTime();
        long changes = 0;
        long count = 0;
        try {
            c.setStatementLimit(StorageSettings.MAX_IMPORT_STATEMENT_BYTES);
            c.execute("BEGIN");
            SqlSplitter splitter = new SqlSplitter(sql);
            String stmt;
            while ((stmt = splitter.next()) != null) {
                count++;
                SqlStatement s = SqlStatement.of(stmt);
                try {
                    checkLimits(s, StorageSettings.MAX_IMPORT_STATEMENT_BYTES);
                    StatementGuard.classify(stmt);
                    changes += runOne(c, s, false).meta().changes();
                } catch (Throwable t) {
                    D1Exception e = translate(t, c);
                    throw new D1Exception(e.code(), e.detail() + " (statement " + count + ": " + abbreviate(stmt) + ")", e);
                }
            }
            if (count == 0) {
                throw D1Exception.sql("No SQL statements detected.");
            }
            c.execute("COMMIT");
            countOut[0] = count;
            return new QueryMeta((System.nanoTime() - start) / 1e6, changes, 0, changes > 0, 0, changes, changes, null, null);
        } catch (Throwable t) {
            rollbackQuietly(c);
            throw translate(t, c);
        } finally {
            resetSettings(c);
            try {
                c.setStatementLimit(StorageSettings.MAX_STATEMENT_BYTES);
            } catch (SQLException ignored) {
                // the connection is closed; nothing to restore
            }
        }
    }

    static void checkLimits(SqlStatement s, int maxStatementBytes) {
        String sql = s.sql();
        if (sql == null || sql.isBlank()) {
            throw D1Exception.sql("No SQL statements detected.");
        }
        if (sql.length() > maxStatementBytes / 3 && sql.getBytes(StandardCharsets.UTF_8).length > maxStatementBytes) {
            throw D1Exception.sql("statement too long: the SQL is " + sql.getBytes(StandardCharsets.UTF_8).length
                    + " bytes, the limit is " + maxStatementBytes + ": SQLITE_TOOBIG");
        }
        if (s.params().size() > StorageSettings.MAX_PARAMETERS) {
            throw D1Exception.sql("too many SQL variables: " + s.params().size() + " bound, the limit is "
                    + StorageSettings.MAX_PARAMETERS + ": SQLITE_RANGE");
        }
        for (Object p : s.params()) {
            long size = p instanceof String str ? (str.length() > StorageSettings.MAX_VALUE_BYTES / 3
                    ? str.getBytes(StandardCharsets.UTF_8).length : 0)
                    : p instanceof byte[] b ? b.length : 0;
            if (size > StorageSettings.MAX_VALUE_BYTES) {
                throw D1Exception.sql("string or blob too big: a bound value is " + size + " bytes, the limit is "
                        + StorageSettings.MAX_VALUE_BYTES + ": SQLITE_TOOBIG");
            }
        }
    }

    private static StatementResult runOne(DbConnection c, SqlStatement s, boolean includeRows) throws SQLException {
        long before = c.totalChanges();
        long start = System.nanoTime();
        List<String> columns = List.of();
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.jdbc().prepareStatement(s.sql())) {
            int expected = ps.getParameterMetaData().getParameterCount();
            if (expected != s.params().size()) {
                throw D1Exception.sql("Wrong number of parameter bindings for SQL query: expected " + expected
                        + ", got " + s.params().size() + ": SQLITE_RANGE");
            }
            for (int i = 0; i < expected; i++) {
                bind(ps, i + 1, s.params().get(i));
            }
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    int n = md.getColumnCount();
                    List<String> names = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        names.add(md.getColumnName(i));
                    }
                    columns = names;
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            Object v = rs.getObject(i + 1);
                            row[i] = v instanceof Integer iv ? Long.valueOf(iv) : v;
                        }
                        rows.add(row);
                    }
                }
            }
        }
        double duration = (System.nanoTime() - start) / 1e6;
        long delta = c.totalChanges() - before;
        long changes = delta > 0 ? c.changes() : 0;
        long lastRowId = c.lastRowId(delta > 0);
        boolean changedDb = delta > 0 || isDdl(s.sql());
        QueryMeta meta = new QueryMeta(duration, changes, lastRowId, changedDb, 0, rows.size() + delta, delta, null, null);
        return new StatementResult(columns, includeRows ? rows : List.of(), meta);
    }

    private static boolean isDdl(String sql) {
        String head = sql.stripLeading();
        int end = 0;
        while (end < head.length() && Character.isLetter(head.charAt(end))) {
            end++;
        }
        String w = head.substring(0, end).toUpperCase();
        return w.equals("CREATE") || w.equals("DROP") || w.equals("ALTER");
    }

    private static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, java.sql.Types.NULL);
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof Integer i) {
            ps.setLong(index, i);
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof String str) {
            ps.setString(index, str);
        } else if (v instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (v instanceof Boolean b) {
            ps.setLong(index, b ? 1 : 0);
        } else {
            throw new D1Exception(D1ErrorCode.D1_TYPE_ERROR, "Type '" + v.getClass().getSimpleName()
                    + "' not supported for value '" + v + "'");
        }
    }

    /** sqlite3_get_autocommit is not exposed; a ROLLBACK with no transaction fails harmlessly. */
    private static void rollbackQuietly(DbConnection c) {
        try {
            c.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left to roll back (SQLite already rolled back, e.g. after an interrupt)
        }
    }

    private static void resetSettings(DbConnection c) {
        for (String s : RESET_SETTINGS) {
            try {
                c.execute(s);
            } catch (SQLException ignored) {
                // best effort: settings are reset again after the next use
            }
        }
    }

    /** D1-12: maps any failure to the D1 vocabulary, passing SQLite's own text through. */
    public static D1Exception translate(Throwable t, DbConnection c) {
        if (t instanceof D1Exception d) {
            return d;
        }
        if (t instanceof SQLiteException se) {
            int base = se.getResultCode().code & 0xff;
            if (base == SQLiteErrorCode.SQLITE_INTERRUPT.code) {
                if (c.interrupt() == DbConnection.Interrupt.CANCELLED) {
                    return new D1Exception(D1ErrorCode.QUERY_CANCELLED,
                            "the query was cancelled because the database is being restored or deleted: SQLITE_INTERRUPT", se);
                }
                return new D1Exception(D1ErrorCode.QUERY_TIMEOUT, "the query exceeded the time limit of "
                        + c.timeoutMillis() + " ms and was interrupted: SQLITE_INTERRUPT", se);
            }
            SQLiteErrorCode baseCode = SQLiteErrorCode.getErrorCode(base);
            return new D1Exception(D1ErrorCode.D1_ERROR, sqliteText(se) + ": " + baseCode.name(), se);
        }
        if (t instanceof SQLException se) {
            return new D1Exception(D1ErrorCode.D1_ERROR, se.getMessage() + ": SQLITE_ERROR", se);
        }
        if (t instanceof RuntimeException re && re.getCause() instanceof SQLException se) {
            return translate(se, c);
        }
        return new D1Exception(D1ErrorCode.INTERNAL, "Internal error", t);
    }

    /** sqlite-jdbc formats "[CODE] generic text (sqlite3_errmsg)"; D1 shows only sqlite3_errmsg. */
    private static String sqliteText(SQLiteException se) {
        String m = se.getMessage() == null ? "" : se.getMessage();
        String prefix = se.getResultCode().toString() + " (";
        if (m.startsWith(prefix) && m.endsWith(")")) {
            return m.substring(prefix.length(), m.length() - 1);
        }
        int open = m.indexOf(" (");
        if (m.startsWith("[") && open > 0 && m.endsWith(")")) {
            return m.substring(open + 2, m.length() - 1);
        }
        return m;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
}
