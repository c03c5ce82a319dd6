package dev.outpost.durableobject.grpc;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.durableobject.v1.DurableObjectService;
import dev.outpost.contracts.durableobject.v1.ObjectCallRequest;
import dev.outpost.contracts.durableobject.v1.ObjectCallResponse;
import dev.outpost.contracts.durableobject.v1.ObjectFetchRequest;
import dev.outpost.contracts.durableobject.v1.ObjectFetchResponse;
import dev.outpost.contracts.durableobject.v1.ValidateIdRequest;
import dev.outpost.contracts.durableobject.v1.ValidateIdResponse;
import dev.outpost.durableobject.ObjectIds;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The Durable Object gRPC API. Hosting objects (fetch, RPC, storage, alarms) is not built yet —
 * no issue covers it so far — and those RPCs answer UNIMPLEMENTED with a code a caller can test
 * for, rather than pretending to work.
 */
@GrpcService
public class DurableObjectGrpcService implements DurableObjectService {

    @Override
    public Multi<ObjectFetchResponse> fetch(Multi<ObjectFetchRequest> request) {
        return Multi.createFrom().failure(notYet("fetch"));
    }

    @Override
    public Uni<ObjectCallResponse> call(ObjectCallRequest request) {
        return Uni.createFrom().failure(notYet("RPC"));
    }

    @Override
    public Uni<ValidateIdResponse> validateId(ValidateIdRequest request) {
        String problem = ObjectIds.problem(request.getObjectId());
        return Uni.createFrom().item(ValidateIdResponse.newBuilder().setValid(problem == null)
                .setReason(problem == null ? "" : problem).build());
    }

    private static RuntimeException notYet(String what) {
        return OutpostErrors.error(Status.Code.UNIMPLEMENTED, "DO_NOT_IMPLEMENTED",
                "Durable Object " + what + " is not available in this version of Outpost");
    }
}
