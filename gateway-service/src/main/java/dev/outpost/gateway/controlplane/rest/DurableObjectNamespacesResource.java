package dev.outpost.gateway.controlplane.rest;

import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.durableobjects.DurableObjectNamespaces;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** API-9: the account's Durable Object namespaces, one per class a script's migrations created. */
@Path("/client/v4/accounts/{account_id}/workers/durable_objects/namespaces")
@Produces(MediaType.APPLICATION_JSON)
public class DurableObjectNamespacesResource {
    private final DurableObjectNamespaces namespaces;

    public DurableObjectNamespacesResource(DurableObjectNamespaces namespaces) {
        this.namespaces = namespaces;
    }

    @GET
    public Uni<Envelope<List<DurableObjectNamespaces.NamespaceInfo>>> list(@PathParam("account_id") String accountId,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "durable_objects", false);
        return namespaces.list(accountId).map(Envelope::ok);
    }
}
