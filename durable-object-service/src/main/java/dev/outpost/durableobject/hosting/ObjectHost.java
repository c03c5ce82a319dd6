package dev.outpost.durableobject.hosting;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.durableobject.v1.GetObjectCodeRequest;
import dev.outpost.contracts.durableobject.v1.ObjectAddress;
import dev.outpost.contracts.durableobject.v1.ObjectCodeService;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.durableobject.v1.ResolveNamespaceRequest;
import dev.outpost.durableobject.DurableObjectConfig;
import dev.outpost.durableobject.alarms.AlarmEntry;
import dev.outpost.durableobject.alarms.AlarmIndex;
import dev.outpost.durableobject.storage.ObjectStorage;
import dev.outpost.runtime.DurableObjectTarget;
import dev.outpost.runtime.Invocation;
import dev.outpost.runtime.IsolatePoolSettings;
import dev.outpost.runtime.LoadedWorker;
import dev.outpost.runtime.RpcCall;
import dev.outpost.runtime.RuntimeLimits;
import dev.outpost.runtime.WorkerEngine;
import dev.outpost.runtime.WorkerLoadException;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs Durable Objects (DO-5, DO-6, DO-13, DO-14): the code of a script version is fetched from the gateway once
 * and loaded into one isolate (so one live instance per object id on this shard lives in it); the events of an
 * object are serialised; when a newer version of a script arrives, the old isolate is closed after a grace
 * period, which resets its objects (their storage stays).
 */
@ApplicationScoped
public class ObjectHost {
    private static final Logger LOG = Logger.getLogger(ObjectHost.class);

    private final ObjectCodeService codes;
    private final ObjectStorage storage;
    private final DurableObjectConfig config;
    private final AlarmIndex alarms;
    private final SerialEvents events = new SerialEvents();
    /** namespace id + version id → code; failed loads are dropped so the next event tries again. */
    private final Map<String, CompletableFuture<ObjectCode>> code = new ConcurrentHashMap<>();
    /** version id → the isolate running it. */
    private final Map<String, CompletableFuture<LoadedWorker>> workers = new ConcurrentHashMap<>();
    /** account/script → its newest version id seen here. */
    private final Map<String, String> newest = new ConcurrentHashMap<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "do-loader");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService retirer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "do-retirer");
        t.setDaemon(true);
        return t;
    });
    private volatile WorkerEngine engine;

    /** Builds the bindings of objects' env (DO namespaces, KV, ...); set once at startup. */
    @jakarta.inject.Inject
    ObjectBindings bindings;

    public ObjectHost(@GrpcClient("gateway") ObjectCodeService codes, ObjectStorage storage, DurableObjectConfig config,
                      AlarmIndex alarms) {
        this.codes = codes;
        this.storage = storage;
        this.config = config;
        this.alarms = alarms;
    }

    /** DO-5 stub.fetch(): the object's fetch handler; an exception of the object is marked in the response. */
    public CompletableFuture<WorkerResponse> fetch(ObjectAddress address, WorkerRequest request) {
        remember(address);
        return events.run(address.getObjectId(), () -> code(address).thenCompose(c ->
                c.worker().fetch(request, Invocation.object(target(address, c)))));
    }

    /** DO-5 stub.method(...args): the outcome JSON of the call. */
    public CompletableFuture<String> call(ObjectAddress address, String member, String argumentsJson) {
        remember(address);
        RpcCall call = new RpcCall(member, argumentsJson, "do-" + UUID.randomUUID(), null);
        return events.run(address.getObjectId(), () -> code(address).thenCompose(c ->
                c.worker().call(call, Invocation.object(target(address, c)))));
    }

    /** DO-12: the alarm index needs the account and name of an object that sets an alarm. */
    private void remember(ObjectAddress address) {
        alarms.remember(ObjectStorage.key(address.getNamespaceId(), address.getObjectId()), address);
    }

    /**
     * DO-5/DO-12: the version of the namespace's script deployed now, from the gateway (stubs inside objects and
     * alarms have no caller that names one).
     */
    public CompletableFuture<String> currentVersion(String accountId, String namespaceId) {
        return codes.resolveNamespace(ResolveNamespaceRequest.newBuilder().setAccountId(accountId)
                        .setNamespaceId(namespaceId).build())
                .ifNoItem().after(config.bindingTimeout()).fail()
                .subscribeAsCompletionStage().thenApply(r -> r.getVersionId());
    }

    /**
     * DO-12: runs one due alarm: wakes the object (activating it if it is not resident) at the version deployed
     * now and, unless its storage no longer holds this alarm, calls {@code alarm({retryCount, isRetry})} as one of
     * its serialised events. Completes with null when nothing ran (the alarm was deleted or moved), else whether
     * {@code alarm()} succeeded; the scheduler records the result.
     */
    public CompletableFuture<Boolean> runAlarm(AlarmEntry alarm) {
        return currentVersion(alarm.accountId(), alarm.namespaceId()).thenCompose(version -> {
            ObjectAddress address = ObjectAddress.newBuilder()
                    .setCaller(Caller.newBuilder().setAccountId(alarm.accountId()))
                    .setNamespaceId(alarm.namespaceId()).setObjectId(alarm.objectId()).setName(alarm.name())
                    .setScriptVersionId(version).build();
            remember(address);
            return events.run(alarm.objectId(), () -> {
                Long truth;
                try {
                    truth = storage.alarm(alarm.storageKey());
                } catch (java.sql.SQLException e) {
                    return CompletableFuture.failedFuture(e);
                }
                if (truth == null || truth != alarm.scheduled()) {
                    // deleted or moved since the index saw it: the index learns the object's value, nothing runs
                    alarms.set(alarm.storageKey(), truth);
                    return CompletableFuture.completedFuture(null);
                }
                RpcCall call = new RpcCall("alarm", null, "alarm-" + UUID.randomUUID(), null);
                return code(address).thenCompose(c -> c.worker().call(call,
                                Invocation.objectAlarm(target(address, c), alarm.retryCount(), truth)))
                        .thenApply(outcome -> succeeded(alarm, outcome));
            });
        });
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The outcome JSON of an alarm() call: ok, or logged with the error the handler threw. */
    private static Boolean succeeded(AlarmEntry alarm, String outcome) {
        try {
            var tree = JSON.readTree(outcome);
            if (tree.path("ok").asBoolean(false)) {
                return Boolean.TRUE;
            }
            var error = tree.path("error");
            LOG.warnf("alarm() of Durable Object %s threw (attempt %d): %s: %s", alarm.storageKey(),
                    alarm.retryCount() + 1, error.path("name").asText("Error"), error.path("message").asText(""));
        } catch (java.io.IOException e) {
            LOG.warnf("alarm() of Durable Object %s answered no outcome: %s", alarm.storageKey(), outcome);
        }
        return Boolean.FALSE;
    }

    private static DurableObjectTarget target(ObjectAddress address, ObjectCode code) {
        return new DurableObjectTarget(code.className(), address.getObjectId(),
                address.getName().isEmpty() ? null : address.getName(),
                ObjectStorage.key(address.getNamespaceId(), address.getObjectId()), code.sqlite());
    }

    private CompletableFuture<ObjectCode> code(ObjectAddress address) {
        if (address.getScriptVersionId().isEmpty()) {
            return CompletableFuture.failedFuture(OutpostErrors.error(Status.Code.INVALID_ARGUMENT, "DO_BAD_ADDRESS",
                    "the call names no script version (ObjectAddress.script_version_id)"));
        }
        String key = address.getNamespaceId() + "@" + address.getScriptVersionId();
        CompletableFuture<ObjectCode> known = code.get(key);
        if (known != null && !known.isCompletedExceptionally()) {
            return known;
        }
        CompletableFuture<ObjectCode> fresh = new CompletableFuture<>();
        CompletableFuture<ObjectCode> raced = code.putIfAbsent(key, fresh);
        if (raced != null && !raced.isCompletedExceptionally()) {
            return raced;
        }
        code.put(key, fresh);
        String account = address.getCaller().getAccountId();
        codes.getObjectCode(GetObjectCodeRequest.newBuilder().setAccountId(account)
                        .setNamespaceId(address.getNamespaceId()).setVersionId(address.getScriptVersionId()).build())
                .subscribeAsCompletionStage()
                .thenCompose(reply -> worker(account, reply).thenApply(w ->
                        new ObjectCode(w, reply.getClassName(), reply.getSqlite())))
                .whenComplete((c, e) -> {
                    if (e != null) {
                        code.remove(key, fresh);
                        fresh.completeExceptionally(e);
                    } else {
                        fresh.complete(c);
                    }
                });
        return fresh;
    }

    private CompletableFuture<LoadedWorker> worker(String account, dev.outpost.contracts.durableobject.v1.ObjectCode reply) {
        return workers.computeIfAbsent(reply.getVersionId(), version -> CompletableFuture.supplyAsync(() -> {
            try {
                LoadedWorker w = engine().load(VersionCode.bundle(reply),
                        VersionCode.environment(account, reply, storage, bindings), RuntimeLimits.defaults());
                retireOlder(account + "/" + reply.getScriptName(), version);
                return w;
            } catch (WorkerLoadException e) {
                workers.remove(version);
                throw OutpostErrors.error(Status.Code.FAILED_PRECONDITION, "DO_SCRIPT_LOAD_FAILED",
                        "The Durable Object's worker " + reply.getScriptName() + " failed to load: " + e.getMessage());
            }
        }, loader));
    }

    /** DO-14: objects of a replaced version reset (after the grace for events still running on it). */
    private void retireOlder(String script, String version) {
        String previous = newest.put(script, version);
        if (previous == null || previous.equals(version)) {
            return;
        }
        retirer.schedule(() -> {
            CompletableFuture<LoadedWorker> old = workers.remove(previous);
            code.keySet().removeIf(k -> k.endsWith("@" + previous));
            if (old != null) {
                old.thenAccept(LoadedWorker::close);
                LOG.infof("closed the isolate of %s version %s: a newer version runs its objects", script, previous);
            }
        }, config.replacedVersionGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    private WorkerEngine engine() {
        WorkerEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    // One isolate per version: an object's one live instance lives in it (DO-13).
                    e = engine = WorkerEngine.create(IsolatePoolSettings.single());
                }
            }
        }
        return e;
    }

    @PreDestroy
    void close() {
        retirer.shutdownNow();
        loader.shutdownNow();
        if (engine != null) {
            engine.close();
        }
    }
}
