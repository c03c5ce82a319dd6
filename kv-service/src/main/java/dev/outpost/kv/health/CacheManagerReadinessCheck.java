package dev.outpost.kv.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.infinispan.lifecycle.ComponentStatus;
import org.infinispan.manager.EmbeddedCacheManager;

import dev.outpost.kv.storage.CacheReadiness;
import dev.outpost.kv.storage.KeyLayout;

/** Ready when the cache manager and both KV caches are running and (clustered) have their topology (and, clustered, shows the members). */
@Readiness
@ApplicationScoped
public class CacheManagerReadinessCheck implements HealthCheck {

    private final EmbeddedCacheManager manager;

    public CacheManagerReadinessCheck(EmbeddedCacheManager manager) {
        this.manager = manager;
    }

    @Override
    public HealthCheckResponse call() {
        ComponentStatus status = manager.getStatus();
        boolean up = status == ComponentStatus.RUNNING
                && CacheReadiness.serving(manager, KeyLayout.DATA_CACHE)
                && CacheReadiness.serving(manager, KeyLayout.NAMESPACES_CACHE);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kv-storage").status(up)
                .withData("status", status.name());
        if (manager.getMembers() != null) {
            response.withData("members", manager.getMembers().size());
        }
        return response.build();
    }
}
