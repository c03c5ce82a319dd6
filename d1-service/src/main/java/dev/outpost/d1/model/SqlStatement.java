package dev.outpost.d1.model;

import java.util.List;

/**
 * One SQL statement with its bound parameters. Parameter values (D1-9) are {@code null},
 * {@link Long} (INTEGER), {@link Double} (REAL), {@link String} (TEXT) or {@code byte[]} (BLOB);
 * transports convert booleans to 1/0 before building one.
 */
public record SqlStatement(String sql, List<Object> params) {
    public SqlStatement {
        params = params == null ? List.of() : params;
    }

    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, List.of());
    }
}
