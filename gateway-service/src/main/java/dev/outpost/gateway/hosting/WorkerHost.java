package dev.outpost.gateway.hosting;

import dev.outpost.gateway.config.GatewayConfig;
import dev.outpost.runtime.LoadedWorker;
import dev.outpost.runtime.RuntimeLimits;
import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.WorkerEngine;
import dev.outpost.runtime.WorkerLoadException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Keeps the loaded (compiled, warm) isolate of each worker version the gateway has served.
 * Versions are immutable, so a loaded worker is valid until it is retired; compiling happens on
 * a small dedicated pool, never on an event-loop thread.
 */
@ApplicationScoped
public class WorkerHost {
    private static final Logger LOG = Logger.getLogger(WorkerHost.class);

    private final WorkerEngine engine;
    private final EnvironmentFactory environments;
    private final VersionLoader versions;
    private final GatewayConfig config;
    private final Map<UUID, CompletableFuture<LoadedWorker>> loaded = new ConcurrentHashMap<>();
    private final ExecutorService compiler = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "worker-compiler");
        t.setDaemon(true);
        return t;
    });

    public WorkerHost(WorkerEngine engine, EnvironmentFactory environments, VersionLoader versions,
            GatewayConfig config) {
        this.engine = engine;
        this.environments = environments;
        this.versions = versions;
        this.config = config;
    }

    /** The loaded worker of a version, loading it from the store on first use. */
    public CompletableFuture<LoadedWorker> worker(UUID versionId) {
        CompletableFuture<LoadedWorker> existing = loaded.get(versionId);
        if (existing != null && !existing.isCompletedExceptionally()) {
            return existing;
        }
        CompletableFuture<LoadedWorker> fresh = new CompletableFuture<>();
        CompletableFuture<LoadedWorker> raced = loaded.putIfAbsent(versionId, fresh);
        if (raced != null) {
            if (!raced.isCompletedExceptionally()) {
                return raced;
            }
            loaded.replace(versionId, raced, fresh);
        }
        versions.load(versionId).subscribe().with(
                stored -> compile(stored.accountId(), stored.bundle(), stored.bindings()).whenComplete((w, e) -> {
                    if (e != null) {
                        loaded.remove(versionId, fresh);
                        fresh.completeExceptionally(e);
                    } else {
                        fresh.complete(w);
                    }
                }),
                failure -> {
                    loaded.remove(versionId, fresh);
                    fresh.completeExceptionally(failure);
                });
        return fresh;
    }

    /** Compiles a bundle with its environment; used at upload (validation) and on first request. */
    public CompletableFuture<LoadedWorker> compile(String accountId, WorkerBundle bundle, List<BindingSpec> bindings) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return engine.load(bundle, environments.build(accountId, bundle.scriptName(), bindings), limits());
            } catch (WorkerLoadException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, compiler);
    }

    /** Registers a worker compiled at upload so its first request is warm. */
    public void adopt(UUID versionId, LoadedWorker worker) {
        CompletableFuture<LoadedWorker> previous = loaded.put(versionId, CompletableFuture.completedFuture(worker));
        if (previous != null) {
            previous.thenAccept(LoadedWorker::close);
        }
    }

    /**
     * Closes a version that no longer serves traffic, after the wall limit so requests that
     * started on it finish on it.
     */
    public void retire(UUID versionId) {
        CompletableFuture<LoadedWorker> worker = loaded.remove(versionId);
        if (worker != null) {
            Uni.createFrom().voidItem().onItem().delayIt().by(config.wallLimit()).subscribe().with(v -> worker
                    .thenAccept(LoadedWorker::close));
        }
    }

    RuntimeLimits limits() {
        return new RuntimeLimits(config.cpuLimit(), config.wallLimit(), config.heapLimitBytes(), config.subrequestLimit(),
                config.bindingOperationLimit());
    }

    @PreDestroy
    void stop() {
        loaded.values().forEach(f -> f.thenAccept(w -> {
            try {
                w.close();
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing a worker failed");
            }
        }));
        compiler.shutdownNow();
    }
}
