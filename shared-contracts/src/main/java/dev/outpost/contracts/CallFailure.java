package dev.outpost.contracts;

import io.grpc.Status;
import java.util.concurrent.CompletionException;

/**
 * How a failed gRPC call between Outpost services reads to the caller: the service's own message when it answered
 * with an Outpost error, else the gRPC status; whether the connection dropped under the call (no service error
 * code, and UNAVAILABLE, CANCELLED or grpc-java's UNKNOWN "channel closed"), so the caller should reconnect; and
 * whether the call is worth retrying (a drop, a deadline, an overload or an abort).
 *
 * @param cause the failure without its {@link CompletionException} wrapper
 */
public record CallFailure(Throwable cause, String message, boolean dropped, boolean retryable) {

    public static CallFailure of(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        Status status = Status.fromThrowable(cause);
        Status.Code code = status.getCode();
        String serviceCode = OutpostErrors.codeOf(cause);
        boolean dropped = serviceCode == null && (code == Status.Code.UNAVAILABLE || code == Status.Code.CANCELLED
                || (code == Status.Code.UNKNOWN && status.getDescription() != null
                && status.getDescription().contains("channel closed")));
        boolean retryable = dropped || code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.RESOURCE_EXHAUSTED
                || code == Status.Code.ABORTED;
        String message = serviceCode != null ? OutpostErrors.messageOf(cause)
                : code == Status.Code.UNKNOWN && status.getDescription() == null ? String.valueOf(cause.getMessage())
                : code + ": " + OutpostErrors.messageOf(cause);
        return new CallFailure(cause, message, dropped, retryable);
    }
}
