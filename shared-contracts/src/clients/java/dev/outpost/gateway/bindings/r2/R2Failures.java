package dev.outpost.gateway.bindings.r2;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.runtime.bindings.r2.R2BindingException;
import io.grpc.Status;
import io.smallrye.mutiny.TimeoutException;

/**
 * r2-service failures as the worker sees them (R2-11): r2-service sends the R2 code in {@code outpost-error-code}
 * and "{@code <text> (<code>)}" as the description; the binding keeps the code and the bare text (r2.js adds the
 * method and the code again). Transport failures and timeouts are InternalErrors (10001) saying what happened.
 */
final class R2Failures {
    private R2Failures() {
    }

    static R2BindingException describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof R2BindingException r2) {
                return r2; // already described (e.g. a stream's failure seen again through a CompletionException)
            }
        }
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof io.grpc.StatusRuntimeException)
                && !(cause instanceof io.grpc.StatusException) && !(cause instanceof TimeoutException)) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return new R2BindingException(R2BindingException.INTERNAL_ERROR, "The R2 service did not answer in time.");
        }
        Status status = Status.fromThrowable(cause);
        String code = OutpostErrors.codeOf(cause);
        if (code != null) {
            int number;
            try {
                number = Integer.parseInt(code);
            } catch (NumberFormatException e) {
                number = R2BindingException.INTERNAL_ERROR;
            }
            String text = status.getDescription() != null ? status.getDescription() : OutpostErrors.messageOf(cause);
            String suffix = " (" + code + ")";
            if (text.endsWith(suffix)) {
                text = text.substring(0, text.length() - suffix.length());
            }
            return new R2BindingException(number, text);
        }
        if (status.getCode() == Status.Code.UNAVAILABLE) {
            return new R2BindingException(R2BindingException.INTERNAL_ERROR,
                    "Network connection lost. (R2 service unavailable: " + OutpostErrors.messageOf(cause) + ")");
        }
        return new R2BindingException(R2BindingException.INTERNAL_ERROR, "We encountered an internal error. Please try again. ("
                + OutpostErrors.messageOf(cause) + ")");
    }
}
