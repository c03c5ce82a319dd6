package dev.outpost.runtime.io;

import dev.outpost.runtime.Invocation;
import dev.outpost.runtime.LoadedWorker;
import dev.outpost.runtime.RpcCall;
import dev.outpost.runtime.ScheduledEvent;
import dev.outpost.runtime.ScheduledResult;
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
    private volatile WorkerIsolate isolate;
    private final Runnable onClose;
    private volatile boolean closed;

    public IsolateWorker(WorkerBundle bundle, WorkerEnvironment environment, RuntimeLimits limits,
                         LimitEnforcer enforcer, WorkerIsolate loaded, Runnable onClose) {
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

    @Override
    public CompletionStage<WorkerResponse> fetch(WorkerRequest request, Invocation invocation) {
        if (closed) {
            return CompletableFuture.completedFuture(ErrorResponses.unavailable());
        }
        return currentIsolate().fetch(request, invocation);
    }

    @Override
    public CompletionStage<ScheduledResult> scheduled(ScheduledEvent event, Invocation invocation) {
        CompletionStage<WorkerResponse> answer = closed ? CompletableFuture.completedFuture(ErrorResponses.unavailable())
                : currentIsolate().scheduled(event, invocation);
        return answer.thenApply(EntrypointDispatch::scheduledResult);
    }

    @Override
    public CompletionStage<String> call(RpcCall call, Invocation invocation) {
        CompletionStage<WorkerResponse> answer = closed ? CompletableFuture.completedFuture(ErrorResponses.unavailable())
                : currentIsolate().call(call, invocation);
        return answer.thenApply(EntrypointDispatch::rpcOutcome);
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
                isolate = new WorkerIsolate(bundle, environment, limits, enforcer).start();
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
