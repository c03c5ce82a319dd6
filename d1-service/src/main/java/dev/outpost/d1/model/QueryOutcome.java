package dev.outpost.d1.model;

import java.util.List;

/** Results of a query/batch in statement order, and the bookmark (D1-7) after it. */
public record QueryOutcome(List<StatementResult> results, String bookmark) {
}
