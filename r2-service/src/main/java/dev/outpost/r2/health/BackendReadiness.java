package dev.outpost.r2.health;

import dev.outpost.r2.config.R2Config;
import dev.outpost.r2.storage.ObjectStore;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the S3 backend answers a ListBuckets within the configured timeout. */
@Readiness
@ApplicationScoped
public class BackendReadiness implements AsyncHealthCheck {

    private final ObjectStore store;
    private final R2Config config;

    public BackendReadiness(ObjectStore store, R2Config config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        String endpoint = config.s3().endpoint();
        return store.ping()
                .ifNoItem().after(Duration.ofSeconds(config.s3().healthTimeoutSeconds())).fail()
                .map(v -> HealthCheckResponse.named("s3-backend").up().withData("endpoint", endpoint).build())
                .onFailure().recoverWithItem(f -> HealthCheckResponse.named("s3-backend").down()
                        .withData("endpoint", endpoint).withData("error", String.valueOf(f.getMessage())).build());
    }
}
