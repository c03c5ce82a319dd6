package dev.outpost.runtime.bindings;

import dev.outpost.runtime.RpcCall;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;

import java.util.concurrent.CompletionStage;

/**
 * A service binding (SVC-1..SVC-3): the embedder resolves the target worker (and its entrypoint and props)
 * and runs the call there. Called on the caller's isolate thread inside {@link BindingCallContext}, so the
 * caller's attachment is available (e.g. to carry the call depth for the loop limit). Stages may complete on
 * any thread.
 */
public interface ServiceBinding {

    /**
     * {@code env.B.fetch(request)}: the target's fetch handler. A failure of the target is its error response
     * (500/503), not a failed stage; a failed stage rejects the caller's promise with its message.
     */
    CompletionStage<WorkerResponse> fetch(WorkerRequest request);

    /**
     * {@code env.B.member(...args)}: the outcome JSON of the call, as {@link dev.outpost.runtime.LoadedWorker#call}
     * returns it.
     */
    CompletionStage<String> call(RpcCall call);
}
