package dev.outpost.gateway.controlplane.auth;

import dev.outpost.gateway.controlplane.model.ApiToken;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
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
        byte[] secret = new byte[30];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
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

    /** Revokes a token: it stops working at once here and within the token cache's lifetime on other replicas. */
    @WithTransaction
    public Uni<UUID> delete(String accountId, UUID id) {
        return get(accountId, id).flatMap(t -> t.delete().invoke(() -> tokens.forget(t.tokenHash)).replaceWith(t.id));
    }
}
