package dev.outpost.runtime;

import java.util.Objects;

/**
 * A JS RPC call on a worker's {@code WorkerEntrypoint} (SVC-3).
 *
 * @param member        the method (or property) name
 * @param argumentsJson the arguments, encoded by the caller's runtime (rpc-codec.js), or null to read the
 *                      property instead of calling a method
 * @param requestId     an identifier for the callee's log lines
 * @param attachment    the embedder's attachment, as for {@link WorkerRequest#attachment()}; may be null
 */
public record RpcCall(String member, String argumentsJson, String requestId, Object attachment) {
    public RpcCall {
        Objects.requireNonNull(member, "member");
    }
}
