package dev.outpost.durableobject.health;

import dev.outpost.durableobject.DurableObjectConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when this shard's object storage directory exists and is writable. */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {
    private final DurableObjectConfig config;

    public StorageReadiness(DurableObjectConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Path dir = Path.of(config.dataDir());
        try {
            Files.createDirectories(dir);
            boolean writable = Files.isWritable(dir);
            return HealthCheckResponse.named("object-storage").status(writable)
                    .withData("dir", dir.toAbsolutePath().toString()).build();
        } catch (IOException e) {
            return HealthCheckResponse.named("object-storage").down().withData("error", e.getMessage()).build();
        }
    }
}
