package dev.outpost.durableobject.grpc;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.clients.HttpMessages;
import dev.outpost.contracts.durableobject.v1.DurableObjectService;
import dev.outpost.contracts.durableobject.v1.ObjectAddress;
import dev.outpost.contracts.durableobject.v1.ObjectCallRequest;
import dev.outpost.contracts.durableobject.v1.ObjectCallResponse;
import dev.outpost.contracts.durableobject.v1.ObjectFetchHead;
import dev.outpost.contracts.durableobject.v1.ObjectFetchRequest;
import dev.outpost.contracts.durableobject.v1.ObjectFetchResponse;
import dev.outpost.contracts.durableobject.v1.ValidateIdRequest;
import dev.outpost.contracts.durableobject.v1.ValidateIdResponse;
import dev.outpost.durableobject.ObjectIds;
import dev.outpost.durableobject.hosting.ObjectHost;
import dev.outpost.durableobject.placement.ObjectPlacement;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The Durable Object gRPC API: a thin translation to {@link ObjectHost}. Every call is checked first: a valid
 * id (DO-4) that this shard owns (placement, DO-13); otherwise FAILED_PRECONDITION with the owner's address.
 * Bodies travel whole: the request's head carries its body, and the answer is one head message with the body.
 */
@GrpcService
public class DurableObjectGrpcService implements DurableObjectService {
    private final ObjectHost host;
    private final ObjectPlacement placement;

    public DurableObjectGrpcService(ObjectHost host, ObjectPlacement placement) {
        this.host = host;
        this.placement = placement;
    }

    @Override
    public Multi<ObjectFetchResponse> fetch(Multi<ObjectFetchRequest> request) {
        return request.collect().asList().onItem().transformToUni(parts -> {
            ObjectFetchHead head = null;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (ObjectFetchRequest part : parts) {
                if (part.hasHead()) {
                    head = part.getHead();
                    body.writeBytes(head.getRequest().getBody().toByteArray());
                } else {
                    body.writeBytes(part.getChunk().toByteArray());
                }
            }
            if (head == null) {
                return Uni.createFrom().failure(OutpostErrors.error(Status.Code.INVALID_ARGUMENT, "DO_BAD_REQUEST",
                        "the first message of Fetch must be the head"));
            }
            ObjectAddress address = head.getAddress();
            check(address);
            WorkerRequest workerRequest = HttpMessages.request(head.getRequest(), body.toByteArray(),
                    "do-" + UUID.randomUUID(), null);
            return Uni.createFrom().completionStage(() -> host.fetch(address, workerRequest)
                    .thenCompose(DurableObjectGrpcService::answer));
        }).toMulti();
    }

    @Override
    public Uni<ObjectCallResponse> call(ObjectCallRequest request) {
        ObjectAddress address = request.getAddress();
        try {
            check(address);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        if (request.getPathCount() != 1) {
            return Uni.createFrom().failure(OutpostErrors.error(Status.Code.UNIMPLEMENTED, "DO_NOT_IMPLEMENTED",
                    "Durable Object RPC promise pipelining (a path of " + request.getPathCount()
                            + " members) is not supported yet; call one method per round trip"));
        }
        String args = request.getArguments().isEmpty() ? null : request.getArguments().toString(StandardCharsets.UTF_8);
        return Uni.createFrom().completionStage(() -> host.call(address, request.getPath(0), args))
                .map(outcome -> ObjectCallResponse.newBuilder()
                        .setResult(ByteString.copyFromUtf8(outcome)).build());
    }

    @Override
    public Uni<ValidateIdResponse> validateId(ValidateIdRequest request) {
        String problem = ObjectIds.problem(request.getObjectId());
        return Uni.createFrom().item(ValidateIdResponse.newBuilder().setValid(problem == null)
                .setReason(problem == null ? "" : problem).build());
    }

    private void check(ObjectAddress address) {
        String problem = ObjectIds.problem(address.getObjectId());
        if (problem != null) {
            throw OutpostErrors.error(Status.Code.INVALID_ARGUMENT, "DO_INVALID_ID", problem);
        }
        if (address.getNamespaceId().isEmpty() || address.getCaller().getAccountId().isEmpty()) {
            throw OutpostErrors.error(Status.Code.INVALID_ARGUMENT, "DO_BAD_ADDRESS",
                    "the call names no namespace or account");
        }
        placement.requireLocal(address.getObjectId());
    }

    /** The response as one message; a streamed body is read to its end first. */
    private static CompletionStage<ObjectFetchResponse> answer(WorkerResponse response) {
        return HttpMessages.body(response).thenApply(body -> ObjectFetchResponse.newBuilder()
                .setHead(HttpMessages.response(response, body)).build());
    }
}
