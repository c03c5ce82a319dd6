package dev.outpost.d1.model;

import java.util.List;

/** Result of one statement: column names, rows of D1-9 values (see {@link SqlStatement}), meta. */
public record StatementResult(List<String> columns, List<Object[]> rows, QueryMeta meta) {

    public StatementResult withMeta(QueryMeta m) {
        return new StatementResult(columns, rows, m);
    }
}
