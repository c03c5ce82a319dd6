package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.CreateNamespaceRequest;
import dev.outpost.contracts.kv.v1.KvService;
import dev.outpost.contracts.kv.v1.ListNamespacesRequest;
import dev.outpost.contracts.kv.v1.Namespace;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.RenameNamespaceRequest;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** KV namespace management on the control-plane port, delegated to kv-service over gRPC (KV-10). */
@Path("/client/v4/accounts/{account_id}/storage/kv/namespaces")
@Produces(MediaType.APPLICATION_JSON)
public class KvNamespacesResource {
    private final KvService kv;

    public KvNamespacesResource(@GrpcClient("kv") KvService kv) {
        this.kv = kv;
    }

    @GET
    public Uni<Envelope<List<Map<String, Object>>>> list(@PathParam("account_id") String accountId,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("per_page") @DefaultValue("20") int perPage,
            @QueryParam("order") String order, @QueryParam("direction") String direction,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", false);
        ListNamespacesRequest.Builder list = ListNamespacesRequest.newBuilder()
                .setCaller(Caller.newBuilder().setAccountId(accountId)).setPage(page).setPerPage(perPage);
        if (order != null) {
            list.setOrder(order);
        }
        if (direction != null) {
            list.setDirection(direction);
        }
        return kv.listNamespaces(list.build()).onFailure().transform(ServiceErrors::kv).map(r -> Envelope.ok(
                r.getNamespacesList().stream().map(KvNamespacesResource::toJson).toList(),
                new Envelope.ResultInfo(page, perPage, r.getNamespacesCount(), r.getTotalCount(), null)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Object>>> create(@PathParam("account_id") String accountId, JsonNode body,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        JsonNode title = body == null ? null : body.get("title");
        if (title == null || title.asText().isBlank()) {
            throw new ApiException(ApiError.BAD_REQUEST, "A namespace needs a title");
        }
        return kv.createNamespace(CreateNamespaceRequest.newBuilder()
                .setCaller(Caller.newBuilder().setAccountId(accountId)).setTitle(title.asText()).build())
                .onFailure().transform(ServiceErrors::kv).map(ns -> Envelope.ok(toJson(ns)));
    }

    /** KV-10: one namespace (wrangler resolves bindings and `kv namespace` commands with it). */
    @GET
    @Path("/{namespace_id}")
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String namespaceId, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", false);
        return kv.getNamespace(ref(accountId, namespaceId)).onFailure().transform(ServiceErrors::kv)
                .map(ns -> Envelope.ok(toJson(ns)));
    }

    /** KV-10: rename ({@code {title}}); answers the renamed namespace, as kv-service's own API does. */
    @PUT
    @Path("/{namespace_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Object>>> rename(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String namespaceId, JsonNode body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        JsonNode title = body == null ? null : body.get("title");
        if (title == null || title.asText().isBlank()) {
            throw new ApiException(ApiError.BAD_REQUEST, "A namespace needs a title");
        }
        return kv.renameNamespace(RenameNamespaceRequest.newBuilder().setNs(ref(accountId, namespaceId))
                .setTitle(title.asText()).build()).onFailure().transform(ServiceErrors::kv)
                .map(ns -> Envelope.ok(toJson(ns)));
    }

    /** KV-10: delete a namespace and its keys; result {@code null}. */
    @DELETE
    @Path("/{namespace_id}")
    public Uni<Envelope<Object>> delete(@PathParam("account_id") String accountId,
            @PathParam("namespace_id") String namespaceId, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "kv", true);
        return kv.deleteNamespace(ref(accountId, namespaceId)).onFailure().transform(ServiceErrors::kv)
                .map(r -> Envelope.ok(null));
    }

    private static NamespaceRef ref(String accountId, String namespaceId) {
        return NamespaceRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(accountId))
                .setNamespaceId(namespaceId).build();
    }

    private static Map<String, Object> toJson(Namespace ns) {
        return Map.of("id", ns.getId(), "title", ns.getTitle(), "supports_url_encoding", ns.getSupportsUrlEncoding());
    }
}
