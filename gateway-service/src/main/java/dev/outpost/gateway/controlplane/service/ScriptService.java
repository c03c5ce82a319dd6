package dev.outpost.gateway.controlplane.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.controlplane.durableobjects.DurableObjectMigrations;
import dev.outpost.gateway.controlplane.durableobjects.DurableObjectNamespaces;
import dev.outpost.gateway.controlplane.model.Worker;
import dev.outpost.gateway.controlplane.model.WorkerModuleEntity;
import dev.outpost.gateway.controlplane.model.WorkerVersion;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.controlplane.secrets.SecretBindings;
import dev.outpost.gateway.hosting.BindingSpec;
import dev.outpost.gateway.hosting.BindingsJson;
import dev.outpost.gateway.hosting.DeploymentTable;
import dev.outpost.gateway.hosting.ModuleTypes;
import dev.outpost.gateway.hosting.WorkerHost;
import dev.outpost.runtime.LoadedWorker;
import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.WorkerLoadException;
import dev.outpost.runtime.WorkerModule;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Uploading, listing and deleting worker scripts (API-2). An upload is validated completely —
 * shape, bindings, and by compiling it in a real isolate — before anything is written, and it
 * is live on this replica as soon as the call returns.
 */
@ApplicationScoped
public class ScriptService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,62}");

    private final BindingValidator bindings;
    private final WorkerHost host;
    private final ScriptStore store;
    private final DeploymentTable deployments;
    private final SecretBindings secrets;
    /** DO-1/DO-2: migrations and Durable Object bindings, applied in the upload's transaction. */
    @jakarta.inject.Inject
    DurableObjectNamespaces durableObjects;

    public ScriptService(BindingValidator bindings, WorkerHost host, ScriptStore store, DeploymentTable deployments,
            SecretBindings secrets) {
        this.secrets = secrets;
        this.bindings = bindings;
        this.host = host;
        this.store = store;
        this.deployments = deployments;
    }

    /** The API-2 result object of an upload. */
    public record UploadResult(String id, String etag, List<String> handlers, String compatibility_date,
            List<String> compatibility_flags, long startup_time_ms, String deployment_id, String created_on,
            String modified_on) {
    }

    /** The API-4 result of {@code POST .../versions}: a stored version that is not deployed yet. */
    public record VersionResult(String id, int number, Map<String, Object> resources, long startup_time_ms) {
    }

    @WithSpan("script upload")
    public Uni<UploadResult> upload(String accountId, String scriptName, String metadataJson,
            List<UploadedModule> parts) {
        return upload(accountId, scriptName, metadataJson, parts, true).map(Uploaded::result);
    }

    /** Uploads a version of an existing worker without deploying it (wrangler's path for existing workers). */
    @WithSpan("version upload")
    public Uni<VersionResult> uploadVersion(String accountId, String scriptName, String metadataJson,
            List<UploadedModule> parts) {
        return upload(accountId, scriptName, metadataJson, parts, false).map(u -> new VersionResult(
                u.version().id.toString(), u.version().number,
                Map.of("script", Map.of("etag", u.version().etag, "handlers", List.of("fetch")),
                        "bindings", u.bindingNames()),
                u.result().startup_time_ms()));
    }

    /**
     * Uploads and deploys a version whose deployed bindings are carried over as {@code carry} picks them (rather than
     * by the metadata's {@code keep_bindings}): the path of a settings PATCH that changes versioned settings.
     */
    public Uni<UploadResult> uploadCarrying(String accountId, String scriptName, String metadataJson,
            List<UploadedModule> parts, java.util.function.UnaryOperator<List<BindingSpec>> carry) {
        return upload(accountId, scriptName, metadataJson, parts, true, carry).map(Uploaded::result);
    }

    private record Uploaded(UploadResult result, WorkerVersion version, List<Map<String, String>> bindingNames) {
    }

    private Uni<Uploaded> upload(String accountId, String scriptName, String metadataJson, List<UploadedModule> parts,
            boolean deploy) {
        return upload(accountId, scriptName, metadataJson, parts, deploy, null);
    }

    private Uni<Uploaded> upload(String accountId, String scriptName, String metadataJson, List<UploadedModule> parts,
            boolean deploy, java.util.function.UnaryOperator<List<BindingSpec>> carry) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().deferred(() -> {
            checkName(scriptName);
            ScriptUploadMetadata metadata = ScriptUploadMetadata.parse(metadataJson);
            KeptBindings keep = KeptBindings.of(metadataJson);
            Optional<DurableObjectMigrations> migrations = DurableObjectMigrations.parse(metadataJson);
            WorkerBundle bundle = bundle(scriptName, metadata, parts);
            // Sealed first: an upload with secrets fails before any work when no secrets key is configured.
            List<BindingSpec> sealed = secrets.seal(metadata.bindings());
            // The deployed bindings are read first, on this request's context (validation answers on a gRPC thread).
            return store.deployedBindings(accountId, scriptName)
                    .call(deployed -> bindings.validate(accountId, metadata.bindings()))
                    .flatMap(deployed -> {
                        List<BindingSpec> carried = carry != null ? carry.apply(deployed)
                                : keep.carried(deployed, metadata.bindings());
                        List<BindingSpec> all = new ArrayList<>(metadata.bindings());
                        all.addAll(carried);
                        List<BindingSpec> stored = new ArrayList<>(sealed);
                        stored.addAll(carried);
                        return compile(accountId, bundle, all)
                                .emitOn(runnable -> context.runOnContext(x -> runnable.run()))
                                .flatMap(compiled -> persist(accountId, scriptName, metadata, migrations, stored, parts,
                                        bundle, compiled, deploy));
                    });
        });
    }

    private record Compiled(LoadedWorker worker, long startupMillis) {
    }

    private Uni<Compiled> compile(String accountId, WorkerBundle bundle, List<BindingSpec> envBindings) {
        long started = System.nanoTime();
        return Uni.createFrom().completionStage(() -> host.compile(accountId, bundle, envBindings))
                .map(worker -> new Compiled(worker, (System.nanoTime() - started) / 1_000_000))
                .onFailure().transform(ScriptService::loadError);
    }

    private Uni<Uploaded> persist(String accountId, String scriptName, ScriptUploadMetadata metadata,
            Optional<DurableObjectMigrations> migrations, List<BindingSpec> storedBindings, List<UploadedModule> parts, WorkerBundle bundle, Compiled compiled,
            boolean deploy) {
        WorkerVersion version = new WorkerVersion();
        version.id = UUID.fromString(bundle.versionId());
        version.mainModule = metadata.mainModule();
        version.compatibilityDate = metadata.compatibilityDate();
        version.compatibilityFlags = jsonArray(metadata.compatibilityFlags());
        version.bindings = BindingsJson.write(storedBindings);
        version.handlers = jsonArray(List.of("fetch"));
        version.etag = etag(parts);
        List<WorkerModuleEntity> modules = parts.stream().map(p -> {
            WorkerModuleEntity m = new WorkerModuleEntity();
            m.key = new WorkerModuleEntity.Key(version.id, p.name());
            m.contentType = p.contentType();
            m.content = p.content();
            return m;
        }).toList();
        List<Map<String, String>> bindingNames = storedBindings.stream()
                .map(b -> Map.of("name", b.name(), "type", b.type())).toList();
        return store.store(accountId, scriptName, version, modules, "api", deploy,
                (worker, v) -> durableObjects.apply(accountId, worker, migrations, v))
                .onFailure().invoke(f -> compiled.worker().close())
                .flatMap(stored -> {
                    if (storedBindings.stream().anyMatch(b -> DurableObjectNamespaces.BINDING_TYPE.equals(b.type()))) {
                        // compiled before the namespaces had ids: the version loads afresh from what was stored
                        compiled.worker().close();
                    } else {
                        host.adopt(stored.version().id, compiled.worker());
                    }
                    if (!deploy) {
                        return Uni.createFrom().item(new Uploaded(new UploadResult(scriptName, stored.version().etag,
                                List.of("fetch"), stored.version().compatibilityDate, metadata.compatibilityFlags(),
                                compiled.startupMillis(), null, stored.worker().createdOn.toString(),
                                stored.worker().modifiedOn.toString()), stored.version(), bindingNames));
                    }
                    return deployments.reload(accountId, scriptName).invoke(() -> {
                        if (stored.previousVersionId() != null) {
                            host.retire(stored.previousVersionId());
                        }
                    }).map(v -> new UploadResult(scriptName, stored.version().etag, List.of("fetch"),
                            stored.version().compatibilityDate, metadata.compatibilityFlags(), compiled.startupMillis(),
                            stored.version().id.toString(), stored.worker().createdOn.toString(),
                            stored.worker().modifiedOn.toString()))
                            .map(result -> new Uploaded(result, stored.version(), bindingNames));
                });
    }

    public Uni<List<Worker>> list(String accountId) {
        return store.list(accountId);
    }

    public Uni<Void> delete(String accountId, String scriptName) {
        return store.delete(accountId, scriptName).flatMap(versions -> {
            if (versions == null) {
                return Uni.createFrom().failure(new ApiException(ApiError.NOT_FOUND,
                        "This Worker does not exist on your account."));
            }
            return deployments.reload(accountId, scriptName).invoke(() -> versions.forEach(host::retire));
        });
    }

    private static WorkerBundle bundle(String scriptName, ScriptUploadMetadata metadata, List<UploadedModule> parts) {
        if (parts.isEmpty()) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "The upload contains no modules");
        }
        Map<String, WorkerModule> modules = new LinkedHashMap<>();
        for (UploadedModule part : parts) {
            if (!ModuleTypes.isSupported(part.contentType())) {
                throw new ApiException(ApiError.SCRIPT_VALIDATION, "Module '" + part.name()
                        + "' has unsupported content type '" + part.contentType() + "'");
            }
            ModuleTypes.fromContentType(part.contentType()).ifPresent(type -> modules.put(part.name(),
                    new WorkerModule(part.name(), type, part.content())));
        }
        if (!modules.containsKey(metadata.mainModule())) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, (metadata.serviceWorker() ? "body_part '" : "main_module '")
                    + metadata.mainModule() + "' is not one of the uploaded modules " + modules.keySet());
        }
        // The runtime reads a non-module main (application/javascript) as a service-worker script (RT-2).
        boolean nonModuleMain = modules.get(metadata.mainModule()).type() == dev.outpost.runtime.ModuleType.COMMONJS;
        if (metadata.serviceWorker() && !nonModuleMain) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "body_part '" + metadata.mainModule()
                    + "' must be a script (application/javascript), not " + modules.get(metadata.mainModule()).type());
        }
        if (!metadata.serviceWorker() && nonModuleMain) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "main_module '" + metadata.mainModule()
                    + "' must be an ES module (application/javascript+module); upload a service-worker script with body_part");
        }
        return new WorkerBundle(scriptName, UUID.randomUUID().toString(), metadata.mainModule(), modules,
                metadata.compatibilityDate(), metadata.compatibilityFlags());
    }

    private static void checkName(String scriptName) {
        if (scriptName == null || !SCRIPT_NAME.matcher(scriptName).matches()) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "Script name '" + scriptName
                    + "' must be 1-63 lowercase letters, digits, '-' or '_'");
        }
    }

    private static Throwable loadError(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof WorkerLoadException) {
            return new ApiException(ApiError.SCRIPT_VALIDATION, "Uncaught error while loading the worker: "
                    + cause.getMessage());
        }
        return cause;
    }

    private static String etag(List<UploadedModule> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (UploadedModule part : parts) {
                sha.update(part.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(part.content());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonArray(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
