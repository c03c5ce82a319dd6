package dev.outpost.gateway.controlplane.auth;

import dev.outpost.gateway.controlplane.model.ApiToken;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** API tokens of an account: created with scopes and an optional expiry; only the SHA-256 is stored. */
@ApplicationScoped
public class TokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenService tokens;

    public TokenStore(TokenService tokens) {
        this.tokens = tokens;
    }

    /** A created token with its value, which is shown this once. */
    public record Created(ApiToken token, String value) {
    }

    @WithTransaction
    public Uni<Created> create(String accountId, String name, Set<String> scopes, OffsetDateTime expiresOn) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new ApiException(ApiError.BAD_REQUEST, "A token needs a name of 1-120 characters");
        }
        if (expiresOn != null && !expiresOn.isAfter(OffsetDateTime.now())) {
            throw new ApiException(ApiError.BAD_REQUEST, "expires_on must be in the future");
        }
        String value = newSecret();
        ApiToken row = new ApiToken();
        row.id = UUID.randomUUID();
        row.accountId = accountId;
        row.name = name.trim();
        row.tokenHash = TokenHasher.hash(value);
        row.scopes = String.join(" ", scopes);
        row.expiresOn = expiresOn;
        row.createdOn = OffsetDateTime.now();
        row.modifiedOn = row.createdOn;
        return row.<ApiToken>persist().map(saved -> new Created(saved, value));
    }

    @WithSession
    public Uni<List<ApiToken>> list(String accountId) {
        return ApiToken.list("accountId = ?1 order by createdOn, id", accountId);
    }

    @WithSession
    public Uni<ApiToken> get(String accountId, UUID id) {
        return ApiToken.<ApiToken>findById(id).map(t -> {
            if (t == null || !t.accountId.equals(accountId)) {
                throw new ApiException(ApiError.NOT_FOUND, "API token " + id + " does not exist");
            }
            return t;
        });
    }

    /** Revokes a token: it stops working at once here and, by the commit's announcement, on every other replica. */
    @WithTransaction
    public Uni<UUID> delete(String accountId, UUID id) {
        return get(accountId, id).flatMap(t -> t.delete().call(() -> revoked(t.tokenHash)).replaceWith(t.id));
    }

    /**
     * Rolls a token (Cloudflare's {@code PUT …/tokens/{id}/value}): a new secret for the same token id, name and
     * scopes; the old value stops working at once on every replica.
     */
    @WithTransaction
    public Uni<String> roll(String accountId, UUID id) {
        return get(accountId, id).flatMap(t -> {
            String old = t.tokenHash;
            String value = newSecret();
            t.tokenHash = TokenHasher.hash(value);
            t.modifiedOn = OffsetDateTime.now();
            return t.<ApiToken>persist().call(() -> revoked(old)).replaceWith(value);
        });
    }

    private Uni<Void> revoked(String tokenHash) {
        tokens.forget(tokenHash);
        return Panache.getSession().flatMap(s -> TokenRevocations.announce(s, tokenHash));
    }

    private static String newSecret() {
        byte[] secret = new byte[30];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
