package dev.outpost.runtime.bindings;

import java.util.List;

/** The outcome of one statement: column names, rows (one value per column) and meta (checklist D1-3, D1-8). */
public record D1Result(List<String> columns, List<List<D1Value>> rows, D1Meta meta) {
    public D1Result {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
