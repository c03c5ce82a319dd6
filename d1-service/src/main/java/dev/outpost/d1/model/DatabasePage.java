package dev.outpost.d1.model;

import java.util.List;

public record DatabasePage(List<DatabaseInfo> databases, int page, int perPage, int totalCount) {
}
