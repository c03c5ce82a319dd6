package dev.outpost.gateway.controlplane.auth;

import dev.outpost.gateway.config.GatewayConfig;
import dev.outpost.gateway.controlplane.model.Account;
import dev.outpost.gateway.controlplane.model.ApiToken;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates the configured bootstrap account and its all-scopes token when they are absent, so a
 * fresh local stack (or a fresh cluster) can be used at once. Idempotent across restarts and replicas.
 */
@ApplicationScoped
public class BootstrapAccount {
    private static final Logger LOG = Logger.getLogger(BootstrapAccount.class);

    void onStart(@Observes StartupEvent event, GatewayConfig config) throws Throwable {
        if (config.bootstrap().accountId().isEmpty()) {
            return;
        }
        String accountId = config.bootstrap().accountId().get();
        String token = config.bootstrap().token().orElse(null);
        UUID tokenId = config.bootstrap().tokenId().orElseGet(UUID::randomUUID);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ensure(accountId,
                config.bootstrap().accountName(), token, tokenId)));
        LOG.infof("Bootstrap account %s is ready", accountId);
    }

    private Uni<Void> ensure(String accountId, String name, String token, UUID tokenId) {
        Uni<Void> account = Account.<Account>findById(accountId).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Account created = new Account();
            created.id = accountId;
            created.name = name;
            created.createdOn = OffsetDateTime.now();
            return created.persist().replaceWithVoid();
        });
        if (token == null || token.isBlank()) {
            return account;
        }
        String hash = TokenHasher.hash(token);
        return account.flatMap(v -> ApiToken.count("tokenHash", hash)).flatMap(count -> {
            if (count > 0) {
                return Uni.createFrom().voidItem();
            }
            ApiToken row = new ApiToken();
            // A fixed id lets the launcher print the token's S3 key pair (id + SHA-256) without asking.
            row.id = tokenId;
            row.accountId = accountId;
            row.name = "bootstrap";
            row.tokenHash = hash;
            row.scopes = "*";
            row.createdOn = OffsetDateTime.now();
            return row.persist().replaceWithVoid();
        });
    }
}
