package dev.outpost.gateway.controlplane.auth;

import dev.outpost.gateway.controlplane.model.ApiToken;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves bearer tokens to principals (expired ones included: the caller tells "expired" from "unknown").
 * Lookups are cached briefly so that a busy API does not query PostgreSQL per call. A revoked or rolled token stops
 * working at once on every replica: the change is announced ({@link TokenRevocations}) and each replica forgets the
 * hash; {@link #CACHE_MILLIS} only bounds how long a lost announcement could go unnoticed.
 */
@ApplicationScoped
public class TokenService {
    static final long CACHE_MILLIS = 10_000;

    private record Cached(Optional<Principal> principal, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    @WithSession
    public Uni<Optional<Principal>> authenticate(String token) {
        String hash = TokenHasher.hash(token);
        Cached cached = cache.get(hash);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.loadedAt() < CACHE_MILLIS) {
            return Uni.createFrom().item(cached.principal());
        }
        return ApiToken.<ApiToken>find("tokenHash", hash).firstResult().map(row -> {
            Optional<Principal> principal = row == null ? Optional.empty() : Optional.of(Principal.of(row));
            cache.put(hash, new Cached(principal, now));
            return principal;
        });
    }

    public void forget(String tokenHash) {
        cache.remove(tokenHash);
    }

    /** After missed announcements (a reconnect of the listener): nothing cached can be trusted. */
    public void forgetAll() {
        cache.clear();
    }
}
