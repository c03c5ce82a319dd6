package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.queue.v1.AckRequest;
import dev.outpost.contracts.queue.v1.AckResponse;
import dev.outpost.contracts.queue.v1.PullRequest;
import dev.outpost.contracts.queue.v1.PullResponse;
import dev.outpost.contracts.queue.v1.QueueRef;
import dev.outpost.contracts.queue.v1.QueueService;
import dev.outpost.contracts.queue.v1.Retry;
import dev.outpost.contracts.queue.v1.SendBatchRequest;
import dev.outpost.contracts.queue.v1.SendRequest;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A queue's messages over HTTP (Q-9, API-8), delegated to queue-service: publishing ({@code POST messages},
 * {@code POST messages/batch}, with the binding's limits and errors) and the HTTP pull consumer's
 * {@code POST messages/pull} and {@code POST messages/ack}, in Cloudflare's shapes. Every call changes the queue,
 * so each needs a token that may write queues.
 */
@Path("/client/v4/accounts/{account_id}/queues/{queue_id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class QueueMessagesResource {
    private final QueueService queues;

    public QueueMessagesResource(@GrpcClient("queue") QueueService queues) {
        this.queues = queues;
    }

    @POST
    public Uni<Envelope<Object>> publish(@PathParam("account_id") String accountId, @PathParam("queue_id") String id,
            String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        SendRequest send = SendRequest.newBuilder().setQueue(ref(accountId, id))
                .setMessage(HttpMessages.outgoing(JsonBodies.object(body), "")).build();
        return queues.send(send).onFailure().transform(ServiceErrors::queues).map(r -> Envelope.ok(null));
    }

    @POST
    @Path("batch")
    public Uni<Envelope<Object>> publishBatch(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        JsonNode json = JsonBodies.object(body);
        JsonNode messages = json.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new ApiException(ApiError.BAD_REQUEST, "messages must be an array of {body, content_type?, delay_seconds?}");
        }
        SendBatchRequest.Builder batch = SendBatchRequest.newBuilder().setQueue(ref(accountId, id));
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).isObject()) {
                throw new ApiException(ApiError.BAD_REQUEST, "messages[" + i + "] must be an object with a body");
            }
            batch.addMessages(HttpMessages.outgoing(messages.get(i), "messages[" + i + "]."));
        }
        Integer delay = HttpMessages.integer(json, "delay_seconds", "");
        if (delay != null) {
            batch.setDelaySeconds(delay);
        }
        return queues.sendBatch(batch.build()).onFailure().transform(ServiceErrors::queues).map(r -> Envelope.ok(null));
    }

    @POST
    @Path("pull")
    public Uni<Envelope<Map<String, Object>>> pull(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        JsonNode json = JsonBodies.object(body);
        Integer batchSize = HttpMessages.integer(json, "batch_size", "");
        if (batchSize != null && (batchSize < 1 || batchSize > 100)) {
            throw new ApiException(ApiError.BAD_REQUEST, "batch_size must be between 1 and 100, got " + batchSize);
        }
        // Cloudflare documents visibility_timeout_ms; its examples and older clients send visibility_timeout (ms)
        Long visibility = HttpMessages.longValue(json, json.has("visibility_timeout_ms") ? "visibility_timeout_ms"
                : "visibility_timeout");
        if (visibility != null && (visibility < 1 || visibility > 43_200_000L)) {
            throw new ApiException(ApiError.BAD_REQUEST, "visibility_timeout_ms must be between 1 and 43200000, got "
                    + visibility);
        }
        PullRequest.Builder pull = PullRequest.newBuilder().setQueue(ref(accountId, id))
                .setBatchSize(batchSize == null ? 0 : batchSize).setVisibilityTimeoutMs(visibility == null ? 0 : visibility);
        return queues.pull(pull.build()).onFailure().transform(ServiceErrors::queues)
                .map(r -> Envelope.ok(pulled(r)));
    }

    @POST
    @Path("ack")
    public Uni<Envelope<Map<String, Object>>> ack(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        JsonNode json = JsonBodies.object(body);
        AckRequest.Builder ack = AckRequest.newBuilder().setQueue(ref(accountId, id));
        for (JsonNode a : HttpMessages.array(json, "acks")) {
            ack.addAcks(HttpMessages.leaseId(a, "acks"));
        }
        for (JsonNode r : HttpMessages.array(json, "retries")) {
            Retry.Builder retry = Retry.newBuilder().setLeaseId(HttpMessages.leaseId(r, "retries"));
            Integer delay = HttpMessages.integer(r, "delay_seconds", "retries[].");
            if (delay != null) {
                retry.setDelaySeconds(delay);
            }
            ack.addRetries(retry);
        }
        return queues.ack(ack.build()).onFailure().transform(ServiceErrors::queues).map(r -> Envelope.ok(acked(r)));
    }

    static Map<String, Object> pulled(PullResponse r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messages", r.getMessagesList().stream().map(HttpMessages::pulled).toList());
        out.put("message_backlog_count", r.getBacklogCount());
        return out;
    }

    static Map<String, Object> acked(AckResponse r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ackCount", r.getAckCount());
        out.put("retryCount", r.getRetryCount());
        out.put("warnings", List.copyOf(r.getWarningsList()));
        return out;
    }

    private static QueueRef ref(String accountId, String id) {
        return QueueRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(accountId)).setQueueId(id).build();
    }
}
