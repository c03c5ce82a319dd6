package dev.outpost.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A worker version loaded into an isolate, ready to serve requests concurrently.
 */
public interface LoadedWorker extends AutoCloseable {
    /**
     * Runs the worker's {@code fetch} handler. The stage never completes exceptionally because of the worker:
     * a throw, a rejection, a non-Response or a hang gives a 500, an exceeded CPU or memory limit a 503.
     * The stage completes on the isolate's thread: dependent stages must not block.
     */
    CompletionStage<WorkerResponse> fetch(WorkerRequest request);

    /** As {@link #fetch(WorkerRequest)}, for the given entrypoint, {@code ctx.props} and {@code request.cf}. */
    default CompletionStage<WorkerResponse> fetch(WorkerRequest request, Invocation invocation) {
        return fetch(request);
    }

    /**
     * Runs the {@code scheduled} handler and waits for its {@code waitUntil()} promises. Never completes
     * exceptionally because of the worker: failures are the result's outcome.
     */
    default CompletionStage<ScheduledResult> scheduled(ScheduledEvent event, Invocation invocation) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("scheduled events"));
    }

    /**
     * runs the {@code queue} handler with the batch and waits for its {@code waitUntil()} promises. Never
     * completes exceptionally because of the worker: failures are the result's outcome.
     */
    default CompletionStage<dev.outpost.runtime.bindings.queue.QueueBatchResult> queue(
            dev.outpost.runtime.bindings.queue.QueueBatch batch, Invocation invocation) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("queue events"));
    }

    /**
     * A JS RPC call on the entrypoint (SVC-3). The result is the outcome JSON the caller's runtime decodes:
     * {@code {"ok":true,"value":...}} or {@code {"ok":false,"error":{"name":...,"message":...}}}; platform
     * failures (limits, an unusable isolate) are outcomes too.
     */
    default CompletionStage<String> call(RpcCall call, Invocation invocation) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("RPC"));
    }

    /** The name of the loaded script. */
    String scriptName();

    /** Stops the isolate; requests still in flight complete with a 503. */
    @Override
    void close();
}
