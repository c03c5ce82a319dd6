package dev.outpost.gateway.controlplane.rest;

import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.service.ScriptService;
import dev.outpost.gateway.controlplane.service.UploadedModule;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.RestForm;

/** Worker scripts of an account, shaped like Cloudflare's {@code /workers/scripts} API (API-2). */
@Path("/client/v4/accounts/{account_id}/workers/scripts")
@Produces(MediaType.APPLICATION_JSON)
public class ScriptsResource {
    private final ScriptService scripts;

    public ScriptsResource(ScriptService scripts) {
        this.scripts = scripts;
    }

    @GET
    public Uni<Envelope<List<Map<String, Object>>>> list(@PathParam("account_id") String accountId,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return scripts.list(accountId).map(workers -> Envelope.ok(workers.stream()
                .map(w -> {
                    Map<String, Object> script = new java.util.LinkedHashMap<>();
                    script.put("id", w.name);
                    script.put("created_on", w.createdOn.toString());
                    script.put("modified_on", w.modifiedOn.toString());
                    // API-5 step 3: wrangler reads the tag of the last applied migration as the next old_tag
                    script.put("migration_tag", w.migrationTag);
                    return script;
                })
                .toList()));
    }

    /**
     * The multipart upload: a {@code metadata} part (JSON) and one part per module, each named by
     * its file name (wrangler sends metadata as a file part too, so both forms are read).
     */
    @PUT
    @Path("/{script_name}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Envelope<ScriptService.UploadResult>> upload(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @RestForm("metadata") String metadataField,
            @RestForm(FileUpload.ALL) List<FileUpload> files, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        String metadata = metadataField;
        List<UploadedModule> modules = new ArrayList<>();
        for (FileUpload file : files) {
            byte[] content = read(file);
            if ("metadata".equals(file.name())) {
                metadata = new String(content, java.nio.charset.StandardCharsets.UTF_8);
            } else {
                modules.add(new UploadedModule(file.fileName() != null ? file.fileName() : file.name(),
                        file.contentType(), content));
            }
        }
        return scripts.upload(accountId, scriptName, metadata, modules).map(Envelope::ok);
    }

    @DELETE
    @Path("/{script_name}")
    public Uni<Envelope<Object>> delete(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        return scripts.delete(accountId, scriptName).map(v -> Envelope.ok(null));
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
