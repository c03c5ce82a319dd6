package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.secrets.SecretBindings;
import dev.outpost.gateway.controlplane.secrets.SecretStore;
import dev.outpost.gateway.hosting.DeploymentTable;
import dev.outpost.gateway.hosting.WorkerHost;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Worker secrets (API-6, SVC-4): write-only values, listed by name and type. */
@Path("/client/v4/accounts/{account_id}/workers/scripts/{script_name}/secrets")
@Produces(MediaType.APPLICATION_JSON)
public class SecretsResource {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
    /** SVC-4: each secret at most 5 KB. */
    private static final int MAX_BYTES = 5 * 1024;

    private final SecretStore store;
    private final DeploymentTable table;
    private final WorkerHost host;

    public SecretsResource(SecretStore store, DeploymentTable table, WorkerHost host) {
        this.store = store;
        this.table = table;
        this.host = host;
    }

    @GET
    public Uni<Envelope<List<Map<String, String>>>> list(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return store.names(accountId, scriptName).map(names -> Envelope.ok(names.stream()
                .map(n -> Map.of("name", n, "type", SecretBindings.TYPE)).toList()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, String>>> put(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, JsonNode body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        String name = body == null ? null : body.path("name").asText(null);
        JsonNode text = body == null ? null : body.get("text");
        String type = body == null ? null : body.path("type").asText(SecretBindings.TYPE);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApiException(ApiError.BAD_REQUEST, "A secret needs a name of letters, digits and '_'");
        }
        if (text == null || !text.isTextual()) {
            throw new ApiException(ApiError.BAD_REQUEST, "A secret needs a text value");
        }
        if (!SecretBindings.TYPE.equals(type)) {
            throw new ApiException(ApiError.BAD_REQUEST, "Only secrets of type secret_text are supported");
        }
        if (text.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ApiException(ApiError.BAD_REQUEST, "A secret may be at most 5 KB");
        }
        return store.put(accountId, scriptName, name, text.asText()).call(changed -> applied(accountId, scriptName, changed))
                .map(changed -> Envelope.ok(Map.of("name", name, "type", SecretBindings.TYPE)));
    }

    @DELETE
    @Path("/{secret_name}")
    public Uni<Envelope<Object>> delete(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @PathParam("secret_name") String name,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        return store.delete(accountId, scriptName, name).call(changed -> applied(accountId, scriptName, changed))
                .map(changed -> Envelope.ok(null));
    }

    private Uni<Void> applied(String accountId, String scriptName, SecretStore.Changed changed) {
        return table.reload(accountId, scriptName).invoke(() -> host.retire(changed.previousVersionId()));
    }
}
