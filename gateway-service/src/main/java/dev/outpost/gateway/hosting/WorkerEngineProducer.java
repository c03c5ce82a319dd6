package dev.outpost.gateway.hosting;

import dev.outpost.gateway.config.GatewayConfig;
import dev.outpost.runtime.IsolatePoolSettings;
import dev.outpost.runtime.WorkerEngine;
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
    WorkerEngine engine(GatewayConfig config) {
        GatewayConfig.Isolates isolates = config.isolates();
        int max = isolates.maxPerVersion() > 0 ? isolates.maxPerVersion()
                : Math.max(1, Runtime.getRuntime().availableProcessors());
        return WorkerEngine.create(new IsolatePoolSettings(max, isolates.idleTimeout(),
                isolates.scaleUpUtilization(), isolates.memoryPressureBytes()));
    }

    void close(@Disposes WorkerEngine engine) {
        engine.close();
    }
}
