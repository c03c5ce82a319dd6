package dev.outpost.d1.error;

import dev.outpost.contracts.OutpostErrors;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;

/** The one mapping of {@link D1Exception} to a gRPC status with Outpost error metadata. */
public final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    public static StatusRuntimeException toStatus(Throwable failure) {
        D1Exception e = D1Exception.from(failure);
        if (e.code() == D1ErrorCode.INTERNAL) {
            LOG.error("internal error in d1-service", failure);
        }
        StatusRuntimeException status = OutpostErrors.error(e.code().grpcStatus(), e.code().name(), e.workerMessage());
        if (e.owner() != null && status.getTrailers() != null) {
            status.getTrailers().put(OutpostErrors.OWNER, e.owner());
        }
        return status;
    }
}
