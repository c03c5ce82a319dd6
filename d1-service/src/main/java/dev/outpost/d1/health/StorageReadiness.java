package dev.outpost.d1.health;

import dev.outpost.d1.storage.DatabaseRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.nio.file.Files;

/** Ready when the data directory is writable and the catalog is open. */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    private final DatabaseRegistry registry;

    public StorageReadiness(DatabaseRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        boolean writable = Files.isDirectory(registry.dataDir()) && Files.isWritable(registry.dataDir());
        boolean catalog = registry.catalog().isOpen();
        return HealthCheckResponse.named("d1-storage").status(writable && catalog)
                .withData("dataDir", registry.dataDir().toString()).withData("dataDirWritable", writable)
                .withData("catalogOpen", catalog).build();
    }
}
