package dev.outpost.gateway.controlplane.auth;

import dev.outpost.contracts.gateway.v1.AccessKey;
import dev.outpost.contracts.gateway.v1.AccessKeyService;
import dev.outpost.contracts.gateway.v1.ResolveAccessKeyRequest;
import dev.outpost.gateway.controlplane.model.ApiToken;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * S3 credentials of API tokens for r2-service (R2-style: access key id = token id, secret = SHA-256 of the token,
 * which is exactly what the control plane stores). Only live tokens with an R2 scope have a key.
 */
@GrpcService
public class AccessKeyGrpcService implements AccessKeyService {

    @Override
    public Uni<AccessKey> resolveAccessKey(ResolveAccessKeyRequest request) {
        UUID id = TokenIds.parse(request.getAccessKeyId()).orElse(null);
        if (id == null) {
            return Uni.createFrom().failure(notFound());
        }
        // A gRPC call has no request-scoped session: open one for the lookup.
        return Panache.withSession(() -> ApiToken.<ApiToken>findById(id)).onItem().transform(token -> {
            Principal principal = token == null ? null : Principal.of(token);
            if (principal == null || principal.expired() || !principal.may("r2", false)) {
                throw notFound();
            }
            return AccessKey.newBuilder()
                    .setAccessKeyId(request.getAccessKeyId())
                    .setSecretAccessKey(token.tokenHash)
                    .setAccountId(token.accountId)
                    .setCanWrite(principal.may("r2", true))
                    .setExpiresAtEpochSeconds(token.expiresOn == null ? 0 : token.expiresOn.toEpochSecond())
                    .build();
        });
    }

    private static RuntimeException notFound() {
        return Status.NOT_FOUND.withDescription("no live API token with R2 access has this access key id").asRuntimeException();
    }
}
