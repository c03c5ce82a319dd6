package dev.outpost.r2.s3;

import dev.outpost.r2.config.R2Config;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who an S3 access key id belongs to. For now one key pair from configuration acts for one account;
 * the control-plane issue will attach key pairs to API tokens, and this is the one class to replace.
 */
@ApplicationScoped
public class S3Credentials {

    private final R2Config.S3Api config;

    public S3Credentials(R2Config config) {
        this.config = config.s3Api();
    }

    public Optional<S3Principal> lookup(String accessKeyId) {
        if (config.accessKeyId().equals(accessKeyId)) {
            return Optional.of(new S3Principal(config.accessKeyId(), config.secretAccessKey(), config.accountId()));
        }
        return Optional.empty();
    }
}
