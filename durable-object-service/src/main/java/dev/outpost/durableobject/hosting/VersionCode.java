package dev.outpost.durableobject.hosting;

import dev.outpost.contracts.durableobject.v1.CodeBinding;
import dev.outpost.contracts.durableobject.v1.CodeModule;
import dev.outpost.contracts.durableobject.v1.ObjectCode;
import dev.outpost.runtime.ModuleType;
import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.WorkerEnvironment;
import dev.outpost.runtime.WorkerModule;
import dev.outpost.runtime.bindings.DurableObjectStorage;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the gateway's {@link ObjectCode} answer into what the worker runtime loads: bundle and env. */
final class VersionCode {
    private VersionCode() {
    }

    static WorkerBundle bundle(ObjectCode code) {
        Map<String, WorkerModule> modules = new LinkedHashMap<>();
        for (CodeModule m : code.getModulesList()) {
            modules.put(m.getName(), new WorkerModule(m.getName(), ModuleType.valueOf(m.getType()),
                    m.getContent().toByteArray()));
        }
        return new WorkerBundle(code.getScriptName(), code.getVersionId(), code.getMainModule(), modules,
                code.getCompatibilityDate().isEmpty() ? null : code.getCompatibilityDate(),
                code.getCompatibilityFlagsList());
    }

    /**
     * The objects' env (DO-6 {@code this.env}): the script's value bindings and every binding a worker's env has
     * (Durable Object and KV namespaces, D1, R2, service and queue bindings), served by {@link ObjectBindings}.
     */
    static WorkerEnvironment environment(String accountId, ObjectCode code, DurableObjectStorage storage,
                                         ObjectBindings bindings) {
        String script = code.getScriptName();
        WorkerEnvironment.Builder env = WorkerEnvironment.builder().cacheScope("account:" + accountId)
                .objectStorage(storage);
        for (CodeBinding b : code.getBindingsList()) {
            switch (b.getType()) {
                case "plain_text" -> env.text(b.getName(), b.getValue());
                case "secret_text" -> env.secret(b.getName(), b.getValue());
                case "json" -> env.json(b.getName(), b.getValue());
                case "durable_object_namespace" -> env.durableObjectNamespace(b.getName(), b.getValue(), b.getClassName(),
                        bindings.objects(accountId, script, b));
                case "kv_namespace" -> env.kv(b.getName(), bindings.kv(accountId, script, b));
                case "d1" -> env.d1(b.getName(), bindings.d1(accountId, script, b));
                case "r2_bucket" -> env.r2(b.getName(), bindings.r2(accountId, script, b));
                case "service" -> env.service(b.getName(), bindings.service(accountId, b));
                case "queue" -> env.queue(b.getName(), b.getValue(), bindings.queue(accountId, script, b));
                default -> {
                    // the gateway sends no other kind (see ObjectCodeService in durable_object.proto)
                }
            }
        }
        return env.build();
    }
}
