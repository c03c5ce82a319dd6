package dev.outpost.gateway.controlplane.auth;

import dev.outpost.gateway.controlplane.model.ApiToken;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves bearer tokens to principals. Lookups are cached briefly so that a busy API does not
 * query PostgreSQL per call; a revoked token stops working within {@link #CACHE_MILLIS}.
 */
@ApplicationScoped
public class TokenService {
    static final long CACHE_MILLIS = 10_000;

    private record Cached(Optional<Principal> principal, OffsetDateTime expiresOn, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    @WithSession
    public Uni<Optional<Principal>> authenticate(String token) {
        String hash = TokenHasher.hash(token);
        Cached cached = cache.get(hash);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.loadedAt() < CACHE_MILLIS) {
            return Uni.createFrom().item(valid(cached));
        }
        return ApiToken.<ApiToken>find("tokenHash", hash).firstResult().map(row -> {
            Cached loaded = row == null
                    ? new Cached(Optional.empty(), null, now)
                    : new Cached(Optional.of(new Principal(row.accountId,
                            new HashSet<>(Arrays.asList(row.scopes.trim().split("\\s+"))))), row.expiresOn, now);
            cache.put(hash, loaded);
            return valid(loaded);
        });
    }

    public void forget(String tokenHash) {
        cache.remove(tokenHash);
    }

    private static Optional<Principal> valid(Cached cached) {
        if (cached.expiresOn() != null && cached.expiresOn().isBefore(OffsetDateTime.now())) {
            return Optional.empty();
        }
        return cached.principal();
    }
}
