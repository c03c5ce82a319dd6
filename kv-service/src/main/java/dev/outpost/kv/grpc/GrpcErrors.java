package dev.outpost.kv.grpc;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.kv.error.KvErrors;
import dev.outpost.kv.error.KvException;
import io.grpc.StatusRuntimeException;

/** The one mapping from kv-service failures to gRPC: status + {@code outpost-error-code/-message} trailers. */
final class GrpcErrors {

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        KvException e = KvErrors.classify(failure);
        return OutpostErrors.error(e.error().grpcStatus(), e.error().code(), e.getMessage());
    }
}
