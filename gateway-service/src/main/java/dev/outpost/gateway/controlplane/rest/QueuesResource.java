package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.queue.v1.Consumer;
import dev.outpost.contracts.queue.v1.ConsumerSettings;
import dev.outpost.contracts.queue.v1.CreateQueueRequest;
import dev.outpost.contracts.queue.v1.DeleteConsumerRequest;
import dev.outpost.contracts.queue.v1.ListQueuesRequest;
import dev.outpost.contracts.queue.v1.PutConsumerRequest;
import dev.outpost.contracts.queue.v1.Queue;
import dev.outpost.contracts.queue.v1.QueueRef;
import dev.outpost.contracts.queue.v1.QueueService;
import dev.outpost.contracts.queue.v1.QueueSettings;
import dev.outpost.contracts.queue.v1.UpdateQueueRequest;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.service.QueueProducers;
import dev.outpost.gateway.controlplane.service.ScriptStore;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queues and their consumers on the control-plane port (API-8), delegated to queue-service over gRPC, in
 * Cloudflare's shapes (what {@code wrangler queues ...} and {@code wrangler deploy} with queue bindings call).
 */
@Path("/client/v4/accounts/{account_id}/queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {
    private final QueueService queues;
    private final ScriptStore scripts;
    private final QueueProducers producers;

    public QueuesResource(@GrpcClient("queue") QueueService queues, ScriptStore scripts, QueueProducers producers) {
        this.queues = queues;
        this.scripts = scripts;
        this.producers = producers;
    }

    @GET
    public Uni<Envelope<List<Map<String, Object>>>> list(@PathParam("account_id") String accountId,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("per_page") @DefaultValue("100") int perPage,
            @QueryParam("name") List<String> names, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", false);
        if (page < 1 || perPage < 1 || perPage > 1000) {
            throw new ApiException(ApiError.BAD_REQUEST, "page must be >= 1 and per_page between 1 and 1000");
        }
        ListQueuesRequest.Builder list = ListQueuesRequest.newBuilder().setCaller(caller(accountId)).setPage(page)
                .setPerPage(perPage);
        if (names != null) {
            list.addAllNames(names);
        }
        return RequestContext.resumeOn(queues.listQueues(list.build())).onFailure().transform(ServiceErrors::queues)
                .flatMap(r -> producers.byQueue(accountId).map(p -> Envelope.ok(
                        r.getQueuesList().stream().map(q -> queue(q, p)).toList(),
                        new Envelope.ResultInfo(page, perPage, r.getQueuesCount(), r.getTotalCount(), null))));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> create(@PathParam("account_id") String accountId, String body,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        JsonNode json = JsonBodies.object(body);
        String name = JsonBodies.text(json, "queue_name");
        if (name == null) {
            throw new ApiException(ApiError.BAD_REQUEST, "queue_name is required");
        }
        JsonNode settings = json.path("settings");
        return RequestContext.resumeOn(queues.createQueue(CreateQueueRequest.newBuilder().setCaller(caller(accountId))
                        .setQueueName(name).setSettings(QueueSettings.newBuilder()
                                .setDeliveryDelay(settings.path("delivery_delay").asInt(0))
                                .setMessageRetentionPeriod(settings.path("message_retention_period").asInt(0)))
                        .build()))
                .onFailure().transform(ServiceErrors::queues).flatMap(q -> withProducers(accountId, q));
    }

    @GET
    @Path("{queue_id}")
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", false);
        return find(accountId, id).flatMap(q -> withProducers(accountId, q));
    }

    /** PUT replaces the settings (and may rename); PATCH changes only the settings it names (e.g. delivery_paused). */
    @PUT
    @Path("{queue_id}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> replace(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        JsonNode changes = JsonBodies.object(body);
        return find(accountId, id).flatMap(q -> update(accountId, q, changes, false));
    }

    @PATCH
    @Path("{queue_id}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> patch(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        JsonNode changes = JsonBodies.object(body);
        return find(accountId, id).flatMap(q -> update(accountId, q, changes, true));
    }

    @DELETE
    @Path("{queue_id}")
    public Uni<Envelope<Object>> delete(@PathParam("account_id") String accountId, @PathParam("queue_id") String id,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        return queues.deleteQueue(ref(accountId, id)).onFailure().transform(ServiceErrors::queues)
                .map(r -> Envelope.ok(null));
    }

    /** Deletes every message stored so far; Cloudflare insists on {@code delete_messages_permanently: true}. */
    @POST
    @Path("{queue_id}/purge")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> purge(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        JsonNode json = JsonBodies.object(body);
        if (!json.path("delete_messages_permanently").asBoolean(false)) {
            throw new ApiException(ApiError.BAD_REQUEST, "Purging deletes every message of the queue for good: send"
                    + " {\"delete_messages_permanently\": true}");
        }
        return RequestContext.resumeOn(queues.purge(ref(accountId, id))).onFailure().transform(ServiceErrors::queues)
                .flatMap(r -> find(accountId, id)).flatMap(q -> withProducers(accountId, q));
    }

    @GET
    @Path("{queue_id}/purge")
    public Uni<Envelope<Map<String, Object>>> purgeStatus(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", false);
        return queues.getPurgeStatus(ref(accountId, id)).onFailure().transform(ServiceErrors::queues).map(s -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("started_at", s.getStartedAtMs() == 0 ? null : Instant.ofEpochMilli(s.getStartedAtMs()).toString());
            out.put("completed", s.getCompleted());
            return Envelope.ok(out);
        });
    }

    @GET
    @Path("{queue_id}/consumers")
    public Uni<Envelope<List<Map<String, Object>>>> consumers(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", false);
        return find(accountId, id).map(q -> Envelope.ok(q.getConsumersList().stream().map(QueuesResource::consumer).toList()));
    }

    @POST
    @Path("{queue_id}/consumers")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> addConsumer(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, String body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        return putConsumer(accountId, id, null, JsonBodies.object(body));
    }

    @GET
    @Path("{queue_id}/consumers/{consumer_id}")
    public Uni<Envelope<Map<String, Object>>> getConsumer(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, @PathParam("consumer_id") String consumerId,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", false);
        return find(accountId, id).map(q -> q.getConsumersList().stream().filter(c -> c.getConsumerId().equals(consumerId))
                .findFirst().map(c -> Envelope.ok(consumer(c)))
                .orElseThrow(() -> new ServiceErrors.ResourceException(404, 11000, "Consumer does not exist")));
    }

    @PUT
    @Path("{queue_id}/consumers/{consumer_id}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> replaceConsumer(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, @PathParam("consumer_id") String consumerId, String body,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        return putConsumer(accountId, id, consumerId, JsonBodies.object(body));
    }

    @DELETE
    @Path("{queue_id}/consumers/{consumer_id}")
    public Uni<Envelope<Object>> deleteConsumer(@PathParam("account_id") String accountId,
            @PathParam("queue_id") String id, @PathParam("consumer_id") String consumerId,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "queues", true);
        return queues.deleteConsumer(DeleteConsumerRequest.newBuilder().setQueue(ref(accountId, id))
                        .setConsumerId(consumerId).build())
                .onFailure().transform(ServiceErrors::queues).map(r -> Envelope.ok(null));
    }

    private Uni<Envelope<Map<String, Object>>> putConsumer(String accountId, String queueId, String consumerId,
            JsonNode body) {
        String type = body.path("type").asText("worker");
        String script = JsonBodies.text(body, "script_name") != null ? JsonBodies.text(body, "script_name") : JsonBodies.text(body, "script");
        JsonNode s = body.path("settings");
        ConsumerSettings.Builder settings = ConsumerSettings.newBuilder()
                .setBatchSize(s.path("batch_size").asInt(0)).setMaxWaitTimeMs(s.path("max_wait_time_ms").asInt(0))
                .setMaxConcurrency(s.path("max_concurrency").asInt(0)).setRetryDelay(s.path("retry_delay").asInt(0))
                .setVisibilityTimeoutMs(s.path("visibility_timeout_ms").asLong(0));
        if (s.hasNonNull("max_retries")) {
            settings.setMaxRetries(s.get("max_retries").asInt());
        }
        Consumer.Builder consumer = Consumer.newBuilder().setType(type).setSettings(settings);
        if (consumerId != null) {
            consumer.setConsumerId(consumerId);
        }
        if (script != null) {
            consumer.setScriptName(script);
        }
        if (JsonBodies.text(body, "dead_letter_queue") != null) {
            consumer.setDeadLetterQueue(JsonBodies.text(body, "dead_letter_queue"));
        }
        Uni<Void> scriptExists = !"worker".equals(type) || script == null ? Uni.createFrom().voidItem()
                : scripts.find(accountId, script).map(w -> {
                    if (w == null) {
                        throw new ApiException(ApiError.NOT_FOUND, "Worker '" + script + "' of the consumer does not exist");
                    }
                    return null;
                });
        return scriptExists.flatMap(v -> queues.putConsumer(PutConsumerRequest.newBuilder()
                        .setQueue(ref(accountId, queueId)).setConsumer(consumer).build()))
                .onFailure().transform(ServiceErrors::queues).map(c -> Envelope.ok(consumer(c)));
    }

    private Uni<Envelope<Map<String, Object>>> update(String accountId, Queue q, JsonNode body, boolean merge) {
        JsonNode s = body.path("settings");
        QueueSettings current = q.getSettings();
        QueueSettings.Builder settings = QueueSettings.newBuilder()
                .setDeliveryDelay(s.has("delivery_delay") ? s.get("delivery_delay").asInt()
                        : merge ? current.getDeliveryDelay() : 0)
                .setMessageRetentionPeriod(s.has("message_retention_period") ? s.get("message_retention_period").asInt()
                        : current.getMessageRetentionPeriod())
                .setDeliveryPaused(s.has("delivery_paused") ? s.get("delivery_paused").asBoolean()
                        : merge && current.getDeliveryPaused());
        UpdateQueueRequest.Builder update = UpdateQueueRequest.newBuilder().setQueue(ref(accountId, q.getQueueId()))
                .setSettings(settings);
        if (JsonBodies.text(body, "queue_name") != null) {
            update.setQueueName(JsonBodies.text(body, "queue_name"));
        }
        return RequestContext.resumeOn(queues.updateQueue(update.build())).onFailure().transform(ServiceErrors::queues)
                .flatMap(updated -> withProducers(accountId, updated));
    }

    private Uni<Queue> find(String accountId, String id) {
        return RequestContext.resumeOn(queues.getQueue(ref(accountId, id))).onFailure().transform(ServiceErrors::queues);
    }

    private static QueueRef ref(String accountId, String id) {
        return QueueRef.newBuilder().setCaller(caller(accountId)).setQueueId(id).build();
    }

    private static Caller caller(String accountId) {
        return Caller.newBuilder().setAccountId(accountId).build();
    }

    /** Callers resume on the request's context first ({@link RequestContext}): the producers come from PostgreSQL. */
    private Uni<Envelope<Map<String, Object>>> withProducers(String accountId, Queue q) {
        return producers.byQueue(accountId).map(p -> Envelope.ok(queue(q, p)));
    }

    /** API-8's queue object; producers are the workers whose deployed version binds the queue. */
    static Map<String, Object> queue(Queue q, Map<String, List<String>> producersByQueue) {
        List<Map<String, Object>> producers = producersByQueue.getOrDefault(q.getQueueName(), List.of()).stream()
                .map(script -> Map.<String, Object>of("type", "worker", "script", script)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queue_id", q.getQueueId());
        out.put("queue_name", q.getQueueName());
        out.put("created_on", Instant.ofEpochMilli(q.getCreatedOnMs()).toString());
        out.put("modified_on", Instant.ofEpochMilli(q.getModifiedOnMs()).toString());
        out.put("producers", producers);
        out.put("producers_total_count", producers.size());
        out.put("consumers", q.getConsumersList().stream().map(QueuesResource::consumer).toList());
        out.put("consumers_total_count", q.getConsumersCount());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("delivery_delay", q.getSettings().getDeliveryDelay());
        settings.put("message_retention_period", q.getSettings().getMessageRetentionPeriod());
        settings.put("delivery_paused", q.getSettings().getDeliveryPaused());
        out.put("settings", settings);
        return out;
    }

    static Map<String, Object> consumer(Consumer c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("consumer_id", c.getConsumerId());
        out.put("type", c.getType());
        if ("worker".equals(c.getType())) {
            out.put("script", c.getScriptName());
            out.put("script_name", c.getScriptName());
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("batch_size", c.getSettings().getBatchSize());
        settings.put("max_retries", c.getSettings().getMaxRetries());
        settings.put("max_wait_time_ms", c.getSettings().getMaxWaitTimeMs());
        settings.put("max_concurrency", c.getSettings().getMaxConcurrency() == 0 ? null : c.getSettings().getMaxConcurrency());
        settings.put("retry_delay", c.getSettings().getRetryDelay());
        if ("http_pull".equals(c.getType())) {
            settings.put("visibility_timeout_ms", c.getSettings().getVisibilityTimeoutMs());
        }
        out.put("settings", settings);
        out.put("dead_letter_queue", c.getDeadLetterQueue().isEmpty() ? null : c.getDeadLetterQueue());
        return out;
    }

}
