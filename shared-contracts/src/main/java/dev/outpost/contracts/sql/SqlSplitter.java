package dev.outpost.contracts.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at top-level semicolons, the way sqlite3_complete() decides
 * where a statement ends: semicolons inside string literals, quoted identifiers ("x", `x`, [x]),
 * comments, and the body of CREATE TRIGGER ... BEGIN ... END do not split. Works on a stream so
 * an import file is never held in memory whole. Statements are returned trimmed, without the
 * trailing semicolon; empty and comment-only statements are dropped.
 */
public final class SqlSplitter {

    private final Reader in;
    private int peeked = -2;

    public SqlSplitter(Reader in) {
        this.in = in;
    }

    public static List<String> split(String sql) {
        SqlSplitter splitter = new SqlSplitter(new StringReader(sql));
        List<String> out = new ArrayList<>();
        String s;
        while ((s = splitter.next()) != null) {
            out.add(s);
        }
        return out;
    }

    /** The next statement, or null at the end of the input. */
    public String next() {
        StringBuilder stmt = new StringBuilder();
        boolean meaningful = false;
        // Trigger detection: the first three words of the statement and the last significant token.
        List<String> firstWords = new ArrayList<>(3);
        String lastToken = "";
        int c;
        while ((c = read()) != -1) {
            char ch = (char) c;
            if (ch == '-' && peek() == '-') {
                stmt.append(ch);
                while ((c = read()) != -1) {
                    stmt.append((char) c);
                    if (c == '\n') {
                        break;
                    }
                }
                continue;
            }
            if (ch == '/' && peek() == '*') {
                stmt.append(ch).append((char) read());
                int prev = 0;
                while ((c = read()) != -1) {
                    stmt.append((char) c);
                    if (prev == '*' && c == '/') {
                        break;
                    }
                    prev = c;
                }
                continue;
            }
            if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
                char close = ch == '[' ? ']' : ch;
                stmt.append(ch);
                meaningful = true;
                while ((c = read()) != -1) {
                    stmt.append((char) c);
                    if (c == close) {
                        if (close != ']' && peek() == close) { // doubled quote = escaped quote
                            stmt.append((char) read());
                            continue;
                        }
                        break;
                    }
                }
                lastToken = "'";
                continue;
            }
            if (Character.isLetter(ch) || ch == '_') {
                StringBuilder word = new StringBuilder().append(ch);
                while (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$') {
                    word.append((char) read());
                }
                stmt.append(word);
                meaningful = true;
                String upper = word.toString().toUpperCase();
                if (firstWords.size() < 3) {
                    firstWords.add(upper);
                }
                lastToken = upper;
                continue;
            }
            if (ch == ';') {
                if (isTrigger(firstWords) && !"END".equals(lastToken)) {
                    stmt.append(ch);
                    lastToken = ";";
                    continue;
                }
                if (meaningful) {
                    return stmt.toString().trim();
                }
                stmt.setLength(0);
                firstWords.clear();
                lastToken = "";
                continue;
            }
            stmt.append(ch);
            if (!Character.isWhitespace(ch)) {
                meaningful = true;
                lastToken = String.valueOf(ch);
            }
        }
        return meaningful ? stmt.toString().trim() : null;
    }

    private static boolean isTrigger(List<String> w) {
        if (w.size() < 2 || !w.get(0).equals("CREATE")) {
            return false;
        }
        if (w.get(1).equals("TRIGGER")) {
            return true;
        }
        return w.size() >= 3 && (w.get(1).equals("TEMP") || w.get(1).equals("TEMPORARY")) && w.get(2).equals("TRIGGER");
    }

    private int read() {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int peek() {
        if (peeked == -2) {
            try {
                peeked = in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return peeked;
    }

    /** True when the text holds nothing but whitespace and comments. */
    public static boolean isBlank(String sql) {
        return split(sql).isEmpty();
    }
}
