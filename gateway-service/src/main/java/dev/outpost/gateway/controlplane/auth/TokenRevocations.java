package dev.outpost.gateway.controlplane.auth;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Revocation (delete or roll) of an API token reaches every gateway replica at once: it is announced with PostgreSQL
 * NOTIFY on {@link #CHANNEL} in the transaction that removes or replaces the hash, so it is delivered on commit, and
 * each replica drops that hash from its {@link TokenService} cache ({@code DeploymentChanges} listens). After a lost
 * listen connection a replica drops its whole cache, since announcements may have been missed.
 */
public final class TokenRevocations {
    public static final String CHANNEL = "outpost_tokens";

    private TokenRevocations() {
    }

    /** Announces, inside the caller's transaction, that the token with this SHA-256 no longer authenticates. */
    public static Uni<Void> announce(Mutiny.Session session, String tokenHash) {
        return session.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', :payload)")
                .setParameter("payload", tokenHash).getSingleResult().replaceWithVoid();
    }
}
