package dev.outpost.gateway.hosting;

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
    WorkerEngine engine() {
        return WorkerEngine.create();
    }

    void close(@Disposes WorkerEngine engine) {
        engine.close();
    }
}
