package dev.outpost.runtime.api;

import dev.outpost.runtime.bindings.D1Statement;
import dev.outpost.runtime.bindings.D1Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the statements of a D1 query sent by d1.js as one string (checklist D1-2, D1-9), the form a query takes
 * when its parameters are only null, finite numbers and strings — nearly every query. One string crosses from V8
 * with the host call's arguments; the array form ({@code [sql0, params0, ...]}) costs a JNI call and a V8
 * handle per array and per element to read.
 * <p>
 * Per statement: {@code <sql length>:<sql><param count>:} and then per parameter {@code n} (null),
 * {@code d<number>;} (a number as JS's {@code String(n)} writes it) or {@code s<length>:<chars>} (a string).
 * Lengths count UTF-16 units, as JS's {@code length} and Java's {@code String} do, so no character needs escaping.
 */
final class D1StatementText {
    private final String text;
    private int at;

    private D1StatementText(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException when {@code text} is not in the form above (a d1.js bug, not user input) */
    static List<D1Statement> decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("D1 statements missing");
        }
        D1StatementText reader = new D1StatementText(text);
        List<D1Statement> out = new ArrayList<>(1);
        while (reader.at < text.length()) {
            String sql = reader.counted();
            int count = reader.length();
            List<D1Value> params = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                params.add(reader.value());
            }
            out.add(new D1Statement(sql, params));
        }
        return out;
    }

    private D1Value value() {
        char kind = charAt(at++);
        switch (kind) {
            case 'n':
                return D1Value.NULL;
            case 's':
                return D1Value.of(counted());
            case 'd': {
                int end = text.indexOf(';', at);
                if (end < 0) {
                    throw malformed();
                }
                String number = text.substring(at, end);
                at = end + 1;
                return D1Host.number(number);
            }
            default:
                throw malformed();
        }
    }

    /** {@code <length>:<chars>} */
    private String counted() {
        int length = length();
        if (length > text.length() - at) {
            throw malformed();
        }
        String s = text.substring(at, at + length);
        at += length;
        return s;
    }

    /** A decimal count up to the next {@code :}. */
    private int length() {
        int n = 0;
        int start = at;
        char c;
        while ((c = charAt(at)) != ':') {
            if (c < '0' || c > '9' || at - start > 9) {
                throw malformed();
            }
            n = n * 10 + (c - '0');
            at++;
        }
        if (at == start) {
            throw malformed();
        }
        at++;
        return n;
    }

    private char charAt(int i) {
        if (i >= text.length()) {
            throw malformed();
        }
        return text.charAt(i);
    }

    private IllegalArgumentException malformed() {
        return new IllegalArgumentException("malformed D1 statement text at " + at);
    }
}
