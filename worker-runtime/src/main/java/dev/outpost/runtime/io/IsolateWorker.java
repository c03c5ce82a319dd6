package dev.outpost.runtime.io;

import dev.outpost.runtime.LoadedWorker;
import dev.outpost.runtime.RuntimeLimits;
import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.WorkerEnvironment;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A loaded worker version. For now it runs on one isolate, which it replaces when the isolate is condemned
 * (memory limit); this is the seam where a pool of isolates per version goes.
 */
public final class IsolateWorker implements LoadedWorker {
    private final WorkerBundle bundle;
    private final WorkerEnvironment environment;
    private final RuntimeLimits limits;
    private final LimitEnforcer enforcer;
    private final java.util.function.Supplier<OutboundHttp> outbound;
    private volatile WorkerIsolate isolate;
    private final Runnable onClose;
    private volatile boolean closed;

    public IsolateWorker(WorkerBundle bundle, WorkerEnvironment environment, RuntimeLimits limits,
                         LimitEnforcer enforcer, java.util.function.Supplier<OutboundHttp> outbound,
                         WorkerIsolate loaded, Runnable onClose) {
        this.outbound = outbound;
        this.onClose = onClose;
        this.bundle = bundle;
        this.environment = environment;
        this.limits = limits;
        this.enforcer = enforcer;
        this.isolate = loaded;
    }

    @Override
    public CompletionStage<WorkerResponse> fetch(WorkerRequest request) {
        if (closed) {
            return CompletableFuture.completedFuture(ErrorResponses.unavailable());
        }
        return currentIsolate().fetch(request);
    }

    private WorkerIsolate currentIsolate() {
        WorkerIsolate current = isolate;
        if (current.isUsable()) {
            return current;
        }
        synchronized (this) {
            if (isolate == current && !closed) {
                current.close();
                // The new isolate loads on its own thread; requests queue behind the load.
                isolate = new WorkerIsolate(bundle, environment, limits, enforcer, outbound).start();
            }
            return isolate;
        }
    }

    @Override
    public String scriptName() {
        return bundle.scriptName();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        isolate.close();
        onClose.run();
    }
}
