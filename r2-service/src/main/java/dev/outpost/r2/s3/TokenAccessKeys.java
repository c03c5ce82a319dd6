package dev.outpost.r2.s3;

import dev.outpost.contracts.gateway.v1.AccessKey;
import dev.outpost.contracts.gateway.v1.AccessKeyService;
import dev.outpost.contracts.gateway.v1.ResolveAccessKeyRequest;
import dev.outpost.r2.error.R2Error;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * S3 key pairs of control-plane API tokens, asked of the gateway (R2's scheme: access key id = token id, secret =
 * SHA-256 of the token) and kept briefly, so a signed request costs a gateway round trip only on a cache miss.
 * A revoked or expired token stops working within {@link #KEEP_FOUND}; unknown ids are remembered for
 * {@link #KEEP_MISSING} so that guessing keys does not turn into gateway load.
 */
@ApplicationScoped
public class TokenAccessKeys {
    static final Duration KEEP_FOUND = Duration.ofSeconds(30);
    static final Duration KEEP_MISSING = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<S3Principal> principal, long expiresAtNanos) {
        boolean fresh() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }

    @GrpcClient("gateway")
    AccessKeyService gateway;

    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    /** The cached answer for {@code accessKeyId}: empty when unknown or not loaded (call {@link #load} first). */
    public Optional<S3Principal> cached(String accessKeyId) {
        Entry e = cache.get(accessKeyId);
        return e != null && e.fresh() ? e.principal() : Optional.empty();
    }

    public boolean isCached(String accessKeyId) {
        Entry e = cache.get(accessKeyId);
        return e != null && e.fresh();
    }

    /** Asks the gateway unless a fresh answer is cached; fails with ServiceUnavailable when the gateway is down. */
    public Uni<Void> load(String accessKeyId) {
        if (isCached(accessKeyId)) {
            return Uni.createFrom().voidItem();
        }
        return gateway.resolveAccessKey(ResolveAccessKeyRequest.newBuilder().setAccessKeyId(accessKeyId).build())
                .ifNoItem().after(CALL_TIMEOUT).fail()
                .onItem().transform(key -> Optional.of(principal(key)))
                .onFailure(TokenAccessKeys::isNotFound).recoverWithItem(Optional.empty())
                .onFailure().transform(f -> R2Error.SERVICE_UNAVAILABLE.exception(
                        "The credentials of this access key could not be checked; try again."))
                .onItem().transform(principal -> {
                    remember(accessKeyId, principal);
                    return null;
                });
    }

    private void remember(String accessKeyId, Optional<S3Principal> principal) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear(); // crude bound: only guessed or retired ids pile up
        }
        Duration keep = principal.isPresent() ? KEEP_FOUND : KEEP_MISSING;
        cache.put(accessKeyId, new Entry(principal, System.nanoTime() + keep.toNanos()));
    }

    private static S3Principal principal(AccessKey key) {
        return new S3Principal(key.getAccessKeyId(), key.getSecretAccessKey(), key.getAccountId(), key.getCanWrite());
    }

    private static boolean isNotFound(Throwable t) {
        return t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND;
    }

    /** For tests: forget every cached answer. */
    void clear() {
        cache.clear();
    }
}
