package dev.outpost.runtime.bindings;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The host side of a {@code D1Database} binding (checklist D1-2..D1-9). The gateway implements it with gRPC calls
 * to the owning d1-service shard; tests implement it in memory.
 * <p>
 * Errors: a stage failing with {@link BindingException} rejects the JS promise with an Error whose message is the
 * exception's message unchanged, so it must already carry D1's prefix (e.g.
 * {@code D1_ERROR: no such table: t: SQLITE_ERROR}); the JS side adds {@code cause} (D1-12). Stages may complete
 * on any thread.
 */
public interface D1DatabaseBinding {
    /**
     * Runs the statements in order as ONE transaction (a single statement for {@code all/run/first/raw}, several
     * for {@code batch}); any failure rolls back all of them.
     *
     * @param session null for direct calls (primary); else a session constraint ({@code first-primary},
     *                {@code first-unconstrained}) or a bookmark to be at or after (D1-7)
     */
    CompletionStage<D1QueryResult> query(List<D1Statement> statements, String session);

    /** Runs several statements without bindings, one per line (D1-5). */
    CompletionStage<D1ExecResult> exec(String sql);
}
