package dev.outpost.r2.s3;

import dev.outpost.r2.config.R2Config;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Who an S3 access key id belongs to: the operator's static key pair from configuration (r2-service used on its
 * own), or the key pair of a control-plane API token (resolved through the gateway, see {@link TokenAccessKeys}).
 */
@ApplicationScoped
public class S3Credentials {

    private final R2Config.S3Api config;
    private final TokenAccessKeys tokenKeys;

    public S3Credentials(R2Config config, TokenAccessKeys tokenKeys) {
        this.config = config.s3Api();
        this.tokenKeys = tokenKeys;
    }

    /** Makes {@link #lookup} able to answer for {@code accessKeyId} (a gateway call on a cache miss). */
    public Uni<Void> resolve(String accessKeyId) {
        if (isStatic(accessKeyId) || !config.tokenKeys()) {
            return Uni.createFrom().voidItem();
        }
        return tokenKeys.load(accessKeyId);
    }

    /** The principal of {@code accessKeyId}, without I/O: token keys must have been {@link #resolve resolved}. */
    public Optional<S3Principal> lookup(String accessKeyId) {
        if (isStatic(accessKeyId)) {
            return Optional.of(new S3Principal(config.accessKeyId(), config.secretAccessKey(), config.accountId(), true));
        }
        return config.tokenKeys() ? tokenKeys.cached(accessKeyId) : Optional.empty();
    }

    private boolean isStatic(String accessKeyId) {
        return config.accessKeyId().equals(accessKeyId);
    }
}
