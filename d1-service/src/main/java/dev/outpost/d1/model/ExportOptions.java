package dev.outpost.d1.model;

import java.util.List;

/** D1-13 dump_options. An empty table list means every table. */
public record ExportOptions(boolean noData, boolean noSchema, List<String> tables) {
    public ExportOptions {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
