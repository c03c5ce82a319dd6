package dev.outpost.gateway.hosting;

import dev.outpost.gateway.config.GatewayConfig;
import dev.outpost.runtime.CacheSettings;
import dev.outpost.runtime.FetchPolicy;
import dev.outpost.runtime.IsolatePoolSettings;
import dev.outpost.runtime.WorkerEngine;
import io.vertx.core.Vertx;
import java.util.List;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One V8 engine per gateway JVM. */
@ApplicationScoped
public class WorkerEngineProducer {

    @Produces
    @Singleton
    @DefaultBean
    WorkerEngine engine(GatewayConfig config, Vertx vertx) {
        GatewayConfig.Isolates isolates = config.isolates();
        int max = isolates.maxPerVersion() > 0 ? isolates.maxPerVersion()
                : Math.max(1, Runtime.getRuntime().availableProcessors());
        // Outbound fetch shares the gateway's Vert.x event loops; the SSRF guard's exceptions come from config.
        GatewayConfig.Fetch fetch = config.fetch();
        return WorkerEngine.create(new IsolatePoolSettings(max, isolates.idleTimeout(), isolates.scaleUpUtilization(),
                        isolates.memoryPressureBytes()),
                new FetchPolicy(fetch.allowedCidrs().orElse(List.of()), fetch.deniedCidrs().orElse(List.of()),
                        fetch.connectTimeout(), null), vertx,
                new CacheSettings(config.cache().maxBytes(), config.cache().maxObjectBytes()));
    }

    void close(@Disposes WorkerEngine engine) {
        engine.close();
    }
}
