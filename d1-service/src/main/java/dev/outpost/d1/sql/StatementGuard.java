package dev.outpost.d1.sql;

import dev.outpost.d1.error.D1Exception;

import java.util.Locale;
import java.util.Set;

/**
 * D1-10: what SQL a database accepts, decided from the statement's leading keywords (sqlite-jdbc
 * exposes no authorizer hook). Transactions are the service's (each query/batch is one), so user
 * BEGIN/COMMIT/ROLLBACK/SAVEPOINT/RELEASE/END are refused; ATTACH/DETACH would reach other files
 * (SQLITE_LIMIT_ATTACHED is also 0); VACUUM INTO writes arbitrary files. PRAGMAs are an allow-list
 * like D1's: schema inspection plus the few settings D1 documents — a PRAGMA such as
 * max_page_count, journal_mode or writable_schema would defeat a limit or the durability design.
 */
public final class StatementGuard {

    /** How a statement may be run. */
    public enum Kind {
        /** Cannot write: may run on a read-only connection. */
        READ,
        /** May write (or its kind cannot be told from its first keyword): runs on the writer. */
        WRITE,
        /** A PRAGMA that changes a connection setting; runs on the writer, settings are reset afterwards. */
        SETTING
    }

    private static final Set<String> TRANSACTION = Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE");

    private static final Set<String> READ_PRAGMAS = Set.of(
            "table_list", "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
            "foreign_key_list", "foreign_key_check", "quick_check", "integrity_check", "collation_list",
            "function_list", "pragma_list", "module_list", "compile_options", "page_count", "page_size",
            "freelist_count", "data_version", "encoding", "user_version", "application_id", "schema_version");

    private static final Set<String> SETTING_PRAGMAS = Set.of(
            "defer_foreign_keys", "foreign_keys", "case_sensitive_like", "ignore_check_constraints",
            "legacy_alter_table", "recursive_triggers", "reverse_unordered_selects", "optimize");

    private StatementGuard() {
    }

    public static Kind classify(String statement) {
        Lexer lx = new Lexer(statement);
        String first = lx.word();
        if (first == null) {
            return Kind.READ;
        }
        switch (first) {
            case "SELECT", "VALUES", "WITH", "EXPLAIN":
                return Kind.READ;
            case "ATTACH", "DETACH":
                throw D1Exception.sql("not authorized: " + first + " is not allowed on D1 databases: SQLITE_AUTH");
            case "VACUUM":
                throw D1Exception.sql("not authorized: VACUUM is not allowed on D1 databases: SQLITE_AUTH");
            case "PRAGMA":
                return pragma(lx);
            default:
                if (TRANSACTION.contains(first)) {
                    throw D1Exception.sql("not authorized: " + first + " is not allowed; D1 runs every query and batch "
                            + "in its own transaction, use batch() to make several statements atomic: SQLITE_AUTH");
                }
                return Kind.WRITE;
        }
    }

    private static Kind pragma(Lexer lx) {
        String name = lx.word();
        if (name != null && lx.peekChar() == '.') {
            if (!name.equals("MAIN")) {
                throw D1Exception.sql("not authorized: PRAGMA on schema " + name.toLowerCase(Locale.ROOT) + ": SQLITE_AUTH");
            }
            lx.skipChar();
            name = lx.word();
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        boolean assigns = lx.peekChar() == '=' || lx.peekChar() == '(';
        if (READ_PRAGMAS.contains(lower)) {
            // user_version/application_id/schema_version with a value write the header: not allowed.
            if (assigns && Set.of("user_version", "application_id", "schema_version", "encoding", "page_size").contains(lower)) {
                throw D1Exception.sql("not authorized: PRAGMA " + lower + " cannot be set on D1 databases: SQLITE_AUTH");
            }
            return Kind.READ;
        }
        if (SETTING_PRAGMAS.contains(lower)) {
            return lower.equals("optimize") ? Kind.WRITE : Kind.SETTING;
        }
        throw D1Exception.sql("not authorized: PRAGMA " + lower + " is not supported on D1 databases: SQLITE_AUTH");
    }

    /** Minimal lexer: skips whitespace and comments, reads identifiers upper-cased. */
    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
                    int nl = s.indexOf('\n', i);
                    i = nl < 0 ? s.length() : nl + 1;
                } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? s.length() : end + 2;
                } else {
                    return;
                }
            }
        }

        String word() {
            skipSpace();
            if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '`' || s.charAt(i) == '[')) {
                char close = s.charAt(i) == '[' ? ']' : s.charAt(i);
                int end = s.indexOf(close, i + 1);
                String w = s.substring(i + 1, end < 0 ? s.length() : end);
                i = end < 0 ? s.length() : end + 1;
                return w.toUpperCase(Locale.ROOT);
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return start == i ? null : s.substring(start, i).toUpperCase(Locale.ROOT);
        }

        char peekChar() {
            skipSpace();
            return i < s.length() ? s.charAt(i) : 0;
        }

        void skipChar() {
            i++;
        }
    }
}
