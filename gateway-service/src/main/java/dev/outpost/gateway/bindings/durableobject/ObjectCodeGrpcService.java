package dev.outpost.gateway.bindings.durableobject;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.durableobject.v1.CodeBinding;
import dev.outpost.contracts.durableobject.v1.CodeModule;
import dev.outpost.contracts.durableobject.v1.GetObjectCodeRequest;
import dev.outpost.contracts.durableobject.v1.ObjectCode;
import dev.outpost.contracts.durableobject.v1.ObjectCodeService;
import dev.outpost.contracts.durableobject.v1.ResolveNamespaceRequest;
import dev.outpost.contracts.durableobject.v1.ResolvedNamespace;
import dev.outpost.gateway.hosting.DeploymentTable;
import dev.outpost.gateway.hosting.EnvironmentFactory;
import dev.outpost.gateway.controlplane.secrets.SecretBindings;
import dev.outpost.gateway.hosting.BindingSpec;
import dev.outpost.gateway.hosting.StoredVersion;
import dev.outpost.gateway.hosting.VersionLoader;
import dev.outpost.runtime.WorkerModule;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.UUID;

/**
 * Hands durable-object-service the code of a namespace's objects (DO-6): the worker version's modules, the class
 * and its storage backend, and the bindings of the object's env (values and secrets; DO and KV namespaces by id;
 * D1 databases by id, R2 buckets and queues by name, service bindings with their target, entrypoint and props). The version is the one the caller named, so objects and the worker that called them run the same code.
 */
@GrpcService
public class ObjectCodeGrpcService implements ObjectCodeService {
    private final Pool pool;
    private final VersionLoader versions;
    private final SecretBindings secrets;
    private final DeploymentTable deployments;

    public ObjectCodeGrpcService(Pool pool, VersionLoader versions, SecretBindings secrets, DeploymentTable deployments) {
        this.pool = pool;
        this.versions = versions;
        this.secrets = secrets;
        this.deployments = deployments;
    }

    /**
     * DO-5/DO-12: the version of the namespace's script deployed now — what a stub inside an object or an alarm
     * wakes the object with (the gateway's own stubs read the same in-memory deployment table).
     */
    @Override
    public Uni<ResolvedNamespace> resolveNamespace(ResolveNamespaceRequest request) {
        UUID namespaceId;
        try {
            namespaceId = UUID.fromString(request.getNamespaceId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notFound("namespace " + request.getNamespaceId() + " is not an id"));
        }
        return pool.preparedQuery("SELECT n.class_name, w.name FROM durable_object_namespaces n "
                        + "JOIN workers w ON w.id = n.worker_id WHERE n.id = $1 AND n.account_id = $2")
                .execute(Tuple.of(namespaceId, request.getAccountId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound("Durable Object namespace " + namespaceId + " does not exist");
                    }
                    Row row = rows.iterator().next();
                    String script = row.getString("name");
                    String version = deployments.resolve(request.getAccountId(), script)
                            .map(v -> v.versionId().toString())
                            .orElseThrow(() -> notFound("the worker " + script + " of Durable Object namespace "
                                    + namespaceId + " is not deployed"));
                    return ResolvedNamespace.newBuilder().setScriptName(script).setVersionId(version)
                            .setClassName(row.getString("class_name")).build();
                });
    }

    @Override
    public Uni<ObjectCode> getObjectCode(GetObjectCodeRequest request) {
        UUID namespaceId;
        UUID versionId;
        try {
            namespaceId = UUID.fromString(request.getNamespaceId());
            versionId = UUID.fromString(request.getVersionId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notFound("namespace " + request.getNamespaceId() + " / version "
                    + request.getVersionId() + " is not an id"));
        }
        Uni<Row> namespace = pool.preparedQuery(
                "SELECT class_name, use_sqlite FROM durable_object_namespaces WHERE id = $1 AND account_id = $2")
                .execute(Tuple.of(namespaceId, request.getAccountId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound("Durable Object namespace " + namespaceId + " does not exist");
                    }
                    return rows.iterator().next();
                });
        return namespace.flatMap(ns -> versions.load(versionId)
                .onFailure(IllegalStateException.class).transform(e -> notFound(e.getMessage()))
                .map(version -> code(version, ns)));
    }

    private ObjectCode code(StoredVersion version, Row namespace) {
        ObjectCode.Builder code = ObjectCode.newBuilder()
                .setVersionId(version.bundle().versionId())
                .setScriptName(version.bundle().scriptName())
                .setMainModule(version.bundle().mainModule())
                .setCompatibilityDate(version.bundle().compatibilityDate() == null ? "" : version.bundle().compatibilityDate())
                .addAllCompatibilityFlags(version.bundle().compatibilityFlags())
                .setClassName(namespace.getString("class_name"))
                .setSqlite(namespace.getBoolean("use_sqlite"));
        for (WorkerModule module : version.bundle().modules().values()) {
            code.addModules(CodeModule.newBuilder().setName(module.name()).setType(module.type().name())
                    .setContent(ByteString.copyFrom(module.content())));
        }
        for (BindingSpec binding : version.bindings()) {
            CodeBinding.Builder b = CodeBinding.newBuilder().setType(binding.type()).setName(binding.name());
            switch (binding.type()) {
                case "plain_text" -> code.addBindings(b.setValue(binding.text("text")));
                case "secret_text" -> code.addBindings(b.setValue(secrets.value(binding)));
                case "json" -> {
                    JsonNode json = binding.fields().get("json");
                    code.addBindings(b.setValue(json == null ? "null" : json.toString()));
                }
                case "durable_object_namespace" -> code.addBindings(b.setValue(nullToEmpty(binding.text("namespace_id")))
                        .setClassName(nullToEmpty(binding.text("class_name"))));
                // KV, D1, R2 and queues are served inside objects by durable-object-service itself, straight to
                // their services; service bindings come back here (WorkerDispatchService).
                case "kv_namespace" -> code.addBindings(b.setValue(nullToEmpty(binding.text("namespace_id"))));
                case "d1" -> code.addBindings(b.setValue(nullToEmpty(EnvironmentFactory.d1DatabaseId(binding))));
                case "r2_bucket" -> code.addBindings(b.setValue(nullToEmpty(binding.text("bucket_name")))
                        .setJurisdiction(nullToEmpty(binding.text("jurisdiction"))));
                case "queue" -> {
                    JsonNode delay = binding.fields().get("delivery_delay");
                    if (delay != null && delay.canConvertToInt()) {
                        b.setDeliveryDelay(delay.asInt());
                    }
                    code.addBindings(b.setValue(nullToEmpty(binding.text("queue_name"))));
                }
                case "service" -> {
                    JsonNode props = binding.fields().get("props");
                    code.addBindings(b.setValue(nullToEmpty(binding.text("service")))
                            .setEntrypoint(nullToEmpty(binding.text("entrypoint")))
                            .setPropsJson(props == null || props.isNull() ? "" : props.toString()));
                }
                default -> code.addBindings(b);
            }
        }
        return code.build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static RuntimeException notFound(String message) {
        return OutpostErrors.error(Status.Code.NOT_FOUND, "DO_CODE_NOT_FOUND", message);
    }
}
