package dev.outpost.runtime.bindings;

import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;

import java.util.concurrent.CompletionStage;

/**
 * The calls of a Durable Object namespace binding's stubs (DO-5): the embedder routes them to the shard that owns
 * the object. Called on the caller's isolate thread inside {@link BindingCallContext}; stages may complete on any
 * thread. A failed stage rejects the caller's promise with its message ({@link BindingException} for one the
 * caller may retry).
 */
public interface DurableObjectClient {
    /**
     * {@code stub.fetch(request)}: the object's fetch handler. An exception thrown by the object comes back as a
     * response carrying header {@link #REMOTE_ERROR_HEADER} (its encoded error), which the stub throws.
     */
    CompletionStage<WorkerResponse> fetch(String objectId, String name, WorkerRequest request);

    /** {@code stub.method(...args)}: the outcome JSON, as {@link dev.outpost.runtime.LoadedWorker#call} returns it. */
    CompletionStage<String> call(String objectId, String name, String member, String argumentsJson);

    /** Marks an object's fetch that threw: the value is the outcome JSON of the error. */
    String REMOTE_ERROR_HEADER = "outpost-remote-error";
}
