package dev.outpost.runtime.glue;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What an isolate offers to the Java halves of the JS APIs ({@link HostApi}s): the runtime, asynchronous
 * calls that settle JS promises on the isolate thread, and the worker's log.
 */
public interface HostServices {

    /** Turns a stage's value into the two payload values (a, b) that JS receives. */
    @FunctionalInterface
    interface ResultEncoder<T> {
        V8Value[] encode(V8Runtime runtime, T value) throws JavetException;
    }

    V8Runtime runtime();

    /**
     * Starts an asynchronous operation for the current request. When the stage completes (on any thread),
     * the JS promise registered under {@code callId} is settled on the isolate thread: resolved with the
     * encoded value, or rejected with an Error carrying the failure's message.
     *
     * @return null when started, or the error message JS should throw (e.g. when called outside a request)
     */
    <T> String startCall(int callId, Supplier<? extends CompletionStage<T>> operation, ResultEncoder<T> encoder);

    /**
     * {@link #startCall} for a binding operation (KV, D1): it counts toward the request's budget of binding
     * operations (RT-13, KV-8, D1-11: 1,000), not toward the fetch subrequest budget, so past it it is refused
     * with {@code Too many API requests by single worker invocation.} as on Cloudflare.
     */
    default <T> String startBindingCall(int callId, Supplier<? extends CompletionStage<T>> operation,
                                        ResultEncoder<T> encoder) {
        String limited = bindingOperation();
        return limited != null ? limited : startCall(callId, operation, encoder);
    }

    /**
     * {@link #startBindingCall}, except that an operation whose stage is already complete when it returns (a KV
     * near-cache hit) is answered in this call: the host function returns what this returns and async.js's
     * {@code hostCall} resolves its promise at once, without a settle task and a slice of its own.
     *
     * @return undefined when started (settled later), a string with the error JS should throw, or an array
     * {@code [a, b]} with the encoded payload of a completed operation
     */
    default <T> V8Value startBindingCallOrAnswer(int callId, Supplier<? extends CompletionStage<T>> operation,
                                                 ResultEncoder<T> encoder) throws JavetException {
        String error = startBindingCall(callId, operation, encoder);
        return error == null ? runtime().createV8ValueUndefined() : runtime().createV8ValueString(error);
    }

    /**
     * Counts one binding operation (KV, D1) of the current request.
     *
     * @return null when within the limit, else the message of the Error JS should throw
     */
    String bindingOperation();

    /**
     * Runs {@code cleanup} on the isolate thread when the current request is over (answered, its body sent and
     * nothing of it left running), or when it is aborted.
     */
    void onRequestEnd(Runnable cleanup);

    /**
     * Counts one subrequest (an outbound fetch or fetch hop, a binding call) of the current request.
     *
     * @return null when within the limit, else the message of the Error JS should throw
     */
    String subrequest();

    /**
     * The JS stream exported under {@code handle} (hoststreams.js exportStream), or for a negative handle the
     * Java stream JS handed back untouched, as a body Java reads; it belongs to the current request.
     */
    dev.outpost.runtime.BodyStream exportedStream(int handle);

    /**
     * RT-10: keeps the current request alive (past its wall deadline and the after-response grace; CPU limits
     * still apply per event) until the returned action is run once; an open WebSocket holds its request this way.
     *
     * @return the action that lets go, or null outside a request
     */
    Runnable holdRequest();

    /** Writes a line of the worker's console to the log, tagged with the worker and the current request. */
    void log(String level, String message);
}
