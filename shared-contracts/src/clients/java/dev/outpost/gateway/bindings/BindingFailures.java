package dev.outpost.gateway.bindings;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.runtime.bindings.BindingException;
import io.grpc.Status;
import io.smallrye.mutiny.TimeoutException;
import java.util.Map;

/**
 * Turns a failed binding call into the error a worker sees, phrased as Cloudflare phrases it:
 * {@code "<PREFIX> <OP> failed: <status> <text>"} (KV-11). Transport failures and timeouts become
 * 503 with the reason, so a worker never waits forever on a dead service.
 */
public final class BindingFailures {
    /**
     * KV-8/KV-11: the service errors whose Cloudflare status is not what their gRPC code maps to — long keys
     * are 414, oversized values, metadata and bulk answers 413 (gRPC has only INVALID_ARGUMENT for them).
     */
    private static final Map<String, Integer> HTTP_BY_ERROR_CODE = Map.of(
            "KV_KEY_TOO_LONG", 414,
            "KV_VALUE_TOO_LARGE", 413,
            "KV_METADATA_TOO_LARGE", 413,
            "KV_RESPONSE_TOO_LARGE", 413);

    private BindingFailures() {
    }

    public static BindingException describe(String prefix, String operation, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof io.grpc.StatusRuntimeException)
                && !(cause instanceof io.grpc.StatusException) && !(cause instanceof TimeoutException)) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return new BindingException(prefix + " " + operation + " failed: 504 the service did not answer in time");
        }
        Status status = Status.fromThrowable(cause);
        Integer byCode = HTTP_BY_ERROR_CODE.get(String.valueOf(OutpostErrors.codeOf(cause)));
        int http = byCode != null ? byCode : switch (status.getCode()) {
            case INVALID_ARGUMENT, OUT_OF_RANGE, FAILED_PRECONDITION -> 400;
            case NOT_FOUND -> 404;
            case PERMISSION_DENIED, UNAUTHENTICATED -> 403;
            case RESOURCE_EXHAUSTED -> 429;
            case UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
            default -> 500;
        };
        String text = OutpostErrors.codeOf(cause) != null ? OutpostErrors.messageOf(cause)
                : (status.getCode() == Status.Code.UNAVAILABLE ? "Service Unavailable (" + OutpostErrors.messageOf(cause) + ")"
                        : OutpostErrors.messageOf(cause));
        return new BindingException(prefix + " " + operation + " failed: " + http + " " + text);
    }

    /**
     * D1-12: d1-service phrases its errors as a worker must see them ({@code D1_ERROR: no such table: t:
     * SQLITE_ERROR}), so a failure carrying {@code outpost-error-code} keeps the service's message (given the
     * {@code D1_ERROR:} prefix if it has none, e.g. an unknown database); transport failures and timeouts are
     * described as for every binding, behind {@code D1_ERROR:}.
     */
    public static BindingException describeD1(String operation, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && OutpostErrors.codeOf(cause) == null
                && !(cause instanceof io.grpc.StatusRuntimeException) && !(cause instanceof io.grpc.StatusException)) {
            cause = cause.getCause();
        }
        String message;
        if (OutpostErrors.codeOf(cause) != null) {
            // The status description is the service's exact text; the metadata copy has non-ASCII escaped.
            String description = Status.fromThrowable(cause).getDescription();
            message = description != null ? description : OutpostErrors.messageOf(cause);
        } else {
            message = describe("D1", operation, failure).getMessage();
        }
        if (message == null || message.isBlank()) {
            message = "D1 " + operation + " failed";
        }
        return new BindingException(message.startsWith("D1_") ? message : "D1_ERROR: " + message);
    }
}
