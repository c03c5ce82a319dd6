package dev.outpost.r2.error;

import dev.outpost.contracts.OutpostErrors;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;

/**
 * R2 failures as gRPC statuses. The {@code outpost-error-code} is the R2 numeric code as decimal
 * text (e.g. "10007") so the binding can build an {@code R2Error}; the message is
 * "{@code <text> (<code>)}" and the binding prefixes the method name ("get: ...").
 */
public final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    public static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException sre) {
            return sre;
        }
        R2Exception r2 = R2Exception.of(failure);
        if (r2.error() == R2Error.INTERNAL_ERROR && r2 != unwrap(failure)) {
            LOG.warnf(failure, "R2 gRPC call failed");
        }
        return OutpostErrors.error(r2.error().grpcStatus(), Integer.toString(r2.error().code()),
                r2.getMessage() + " (" + r2.error().code() + ")");
    }

    private static Throwable unwrap(Throwable t) {
        while (t.getCause() != null && !(t instanceof R2Exception)) {
            t = t.getCause();
        }
        return t;
    }
}
