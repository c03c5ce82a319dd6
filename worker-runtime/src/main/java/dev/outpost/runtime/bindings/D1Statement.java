package dev.outpost.runtime.bindings;

import java.util.List;
import java.util.Objects;

/** A prepared statement with its bound parameters ({@code ?} / {@code ?NNN}, checklist D1-2). */
public record D1Statement(String sql, List<D1Value> params) {
    public D1Statement {
        Objects.requireNonNull(sql, "sql");
        params = List.copyOf(params);
    }
}
