package dev.outpost.runtime;

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

    /** The name of the loaded script. */
    String scriptName();

    /** Stops the isolate; requests still in flight complete with a 503. */
    @Override
    void close();
}
