package dev.outpost.runtime.io;

import dev.outpost.runtime.bindings.BindingCallContext;

import com.caoccao.javet.enums.JavetPromiseRejectEvent;
import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.exceptions.JavetTerminatedException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.utils.JavetResourceUtils;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.reference.IV8ValuePromise;
import com.caoccao.javet.values.reference.V8Module;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueError;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueObject;
import com.caoccao.javet.values.reference.V8ValuePromise;
import dev.outpost.runtime.Invocation;
import dev.outpost.runtime.RpcCall;
import dev.outpost.runtime.RuntimeLimits;
import dev.outpost.runtime.ScheduledEvent;
import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.WorkerEnvironment;
import dev.outpost.runtime.WorkerLoadException;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.api.ConsoleHost;
import dev.outpost.runtime.api.CryptoHost;
import dev.outpost.runtime.api.EncodingHost;
import dev.outpost.runtime.api.D1Host;
import dev.outpost.runtime.api.KvHost;
import dev.outpost.runtime.api.CacheHost;
import dev.outpost.runtime.api.ServiceBindingHost;
import dev.outpost.runtime.bindings.ServiceBinding;
import dev.outpost.runtime.api.R2Host;
import dev.outpost.runtime.api.StreamHost;
import dev.outpost.runtime.api.WebSocketHost;
import dev.outpost.runtime.api.FetchHost;
import dev.outpost.runtime.BodyStream;
import dev.outpost.runtime.bindings.D1DatabaseBinding;
import dev.outpost.runtime.bindings.KvNamespaceBinding;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JavetLogBridge;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.JsErrors;
import dev.outpost.runtime.glue.ModuleLoader;
import dev.outpost.runtime.glue.WireHeaders;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One V8 isolate running one worker version: a Javet {@link V8Runtime} owned by an {@link EventLoop} thread.
 * Requests from any thread are posted to the loop; all JavaScript runs there, interleaving many requests.
 * <p>
 * Every call from Java into JS is a <em>slice</em> attributed to one request ({@link IsolateWatch}); V8 runs
 * the microtasks (promise reactions) a slice queued before the call returns, so a slice is complete when it
 * returns. Host I/O completes on other threads and comes back as a new slice that settles the JS promise.
 */
public final class WorkerIsolate {
    private static final Logger LOG = Logger.getLogger("dev.outpost.runtime");
    private static final AtomicInteger ISOLATES = new AtomicInteger();

    @FunctionalInterface
    private interface JsAction {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface InvocationAction {
        void run(RequestContext context) throws Exception;
    }

    /**
     * RT-4: what a request leaves running after its response (waitUntil() work: I/O, timers) may go on for
     * this long, and never past the request's wall deadline.
     */
    public static final java.time.Duration AFTER_RESPONSE_GRACE = java.time.Duration.ofSeconds(30);

    private record TimerEntry(RequestContext context, EventLoop.Timer timer, long delay, boolean repeat) {
    }

    private final WorkerBundle bundle;
    private final WorkerEnvironment environment;
    private final RuntimeLimits limits;
    private final LimitEnforcer enforcer;
    private final Supplier<OutboundHttp> outbound;
    private final ResponseCache cache;
    private final EventLoop loop;
    private final IsolateWatch watch;
    private final WorkerLog workerLog;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicInteger requestIds = new AtomicInteger();
    private volatile boolean condemned;
    private volatile boolean closed;

    // Loop-thread state.
    private V8Runtime runtime;
    private JsEntryPoints js;
    private final Map<Integer, RequestContext> active = new HashMap<>();
    private final Map<Integer, TimerEntry> timers = new HashMap<>();
    private final Map<Integer, String> unhandledRejections = new LinkedHashMap<>();
    private RequestContext current;
    private boolean shutDown;
    private StreamHost streams;
    private WebSocketHost webSockets;
    /** JS streams Java reads (streamed response bodies), by their JS-side handle. */
    private final Map<Integer, JsBodyStream> exports = new HashMap<>();
    private final JsBodyStream.Pump pump = new JsBodyStream.Pump() {
        @Override
        public void pull(JsBodyStream stream) {
            if (!loop.execute(() -> pullExport(stream))) {
                stream.fail(new java.io.IOException("Network connection lost."));
            }
        }

        @Override
        public void cancel(JsBodyStream stream, String reason) {
            loop.execute(() -> cancelExport(stream, reason));
        }
    };

    public WorkerIsolate(WorkerBundle bundle, WorkerEnvironment environment, RuntimeLimits limits, LimitEnforcer enforcer,
                         Supplier<OutboundHttp> outbound, ResponseCache cache) {
        this.outbound = outbound;
        this.cache = cache;
        this.bundle = bundle;
        this.environment = environment;
        this.limits = limits;
        this.enforcer = enforcer;
        this.loop = new EventLoop("outpost-isolate-" + ISOLATES.incrementAndGet() + "-" + bundle.scriptName());
        this.watch = new IsolateWatch(limits.cpuPerRequest().toNanos(), limits.heapBytes(), loop.thread());
        this.workerLog = new WorkerLog(bundle.scriptName());
    }

    /** Starts the isolate thread, which creates the runtime and loads the bundle before anything else. */
    public WorkerIsolate start() {
        loop.start();
        loop.execute(this::initialize);
        return this;
    }

    /** Completes when the worker is loaded, or exceptionally with a {@link WorkerLoadException}. */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** Time this isolate's thread has spent running JavaScript and host tasks so far. */
    public long busyNanos() {
        return loop.busyNanos();
    }

    /** False once the isolate was condemned (memory limit) or closed: a new one should take its place. */
    public boolean isUsable() {
        return !condemned && !closed;
    }

    public CompletableFuture<WorkerResponse> fetch(WorkerRequest request) {
        return fetch(request, Invocation.DEFAULT);
    }

    public CompletableFuture<WorkerResponse> fetch(WorkerRequest request, Invocation invocation) {
        byte[] body = request.body();
        return start(request.requestId(), request.attachment(), context -> {
            V8ValueArrayBuffer buffer = body.length == 0 ? null : JsBytes.toArrayBuffer(runtime, body);
            // A streamed body becomes a JS ReadableStream that pulls from Java chunk by chunk (hoststreams.js).
            BodyStream bodyStream = progressCounting(request.bodyStream(), context);
            int streamHandle = bodyStream == null ? 0 : streams.register(bodyStream);
            try {
                js.dispatchFetch.callVoid(null,
                        runtime.createV8ValueInteger(context.id()),
                        runtime.createV8ValueString(request.method()),
                        runtime.createV8ValueString(request.url()),
                        runtime.createV8ValueString(WireHeaders.encode(request.headers())),
                        buffer == null ? runtime.createV8ValueUndefined() : buffer,
                        stringOrUndefined(invocation.entrypoint()),
                        stringOrUndefined(invocation.propsJson()),
                        stringOrUndefined(invocation.cfJson()),
                        runtime.createV8ValueInteger(streamHandle),
                        stringOrUndefined(invocation.objectJson()));
            } finally {
                JavetResourceUtils.safeClose(buffer);
            }
        });
    }

    /** Counts chunks of a streamed request body so the wall deadline knows a long upload is progressing, not hung. */
    private static BodyStream progressCounting(BodyStream source, RequestContext context) {
        if (source == null) {
            return null;
        }
        return new BodyStream() {
            @Override
            public java.util.concurrent.CompletionStage<byte[]> read() {
                return source.read().thenApply(chunk -> {
                    context.bodyChunkRead();
                    return chunk;
                });
            }

            @Override
            public void cancel(String reason) {
                source.cancel(reason);
            }

            @Override
            public long length() {
                return source.length();
            }
        };
    }

    /** A scheduled event; the answer is a 200 with the outcome JSON (see {@link EntrypointDispatch}). */
    public CompletableFuture<WorkerResponse> scheduled(ScheduledEvent event, Invocation invocation) {
        return start(event.requestId(), event.attachment(), context -> js.dispatchScheduled.callVoid(null,
                runtime.createV8ValueInteger(context.id()),
                stringOrUndefined(invocation.entrypoint()),
                stringOrUndefined(invocation.propsJson()),
                runtime.createV8ValueString(event.cron()),
                runtime.createV8ValueDouble(event.scheduledTimeMillis())));
    }

    /** a queue batch; the answer is a 200 with the decisions JSON (see {@link EntrypointDispatch#queueResult}). */
    public CompletableFuture<WorkerResponse> queue(dev.outpost.runtime.bindings.queue.QueueBatch batch,
            Invocation invocation) {
        String json = QueueBatchJson.encode(batch);
        return start(batch.requestId(), batch.attachment(), context -> js.dispatchQueue.callVoid(null,
                runtime.createV8ValueInteger(context.id()),
                stringOrUndefined(invocation.entrypoint()),
                stringOrUndefined(invocation.propsJson()),
                runtime.createV8ValueString(json)));
    }

    /** A JS RPC call; the answer is a 200 with the outcome JSON (see {@link EntrypointDispatch}). */
    public CompletableFuture<WorkerResponse> call(RpcCall call, Invocation invocation) {
        return start(call.requestId(), call.attachment(), context -> js.dispatchCall.callVoid(null,
                runtime.createV8ValueInteger(context.id()),
                stringOrUndefined(invocation.entrypoint()),
                stringOrUndefined(invocation.propsJson()),
                runtime.createV8ValueString(call.member()),
                stringOrUndefined(call.argumentsJson()),
                stringOrUndefined(invocation.objectJson())));
    }

    private V8Value stringOrUndefined(String value) throws JavetException {
        return value == null ? runtime.createV8ValueUndefined() : runtime.createV8ValueString(value);
    }

    /** Starts an invocation: a request context with its wall deadline, then {@code action} on the loop. */
    private CompletableFuture<WorkerResponse> start(String requestId, Object attachment, InvocationAction action) {
        RequestContext context = new RequestContext(requestIds.incrementAndGet(), requestId, attachment);
        if (!isUsable()) {
            context.complete(ErrorResponses.unavailable());
            return context.response();
        }
        context.wallTimer(enforcer.deadline(limits.wallPerRequest(), () -> onWallDeadline(context)));
        if (!loop.execute(() -> dispatch(context, action))) {
            context.complete(ErrorResponses.unavailable());
            context.release();
        }
        return context.response();
    }

    /** Stops the isolate; requests in flight get a 503. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!loop.execute(this::shutdown)) {
            ready.completeExceptionally(new WorkerLoadException("isolate closed"));
        }
    }

    // ---- startup -------------------------------------------------------------------------------------

    private void initialize() {
        RequestContext startup = new RequestContext(RequestContext.STARTUP_ID, null);
        try {
            // The i18n build (ICU): Intl and locale-aware String/Number/Date methods as in workerd (RT-6).
            // WorkerEngine loaded it with its ICU data before the first isolate.
            runtime = V8Host.getV8I18nInstance().createV8Runtime();
            // RT-6: as in workerd, eval() and new Function() throw EvalError (no code generation from strings)
            runtime.allowEval(false);
            runtime.setLogger(new JavetLogBridge());
            runtime.setPromiseRejectCallback(this::onPromiseReject);
            ModuleLoader modules = new ModuleLoader(bundle);
            runtime.setV8ModuleResolver(modules);
            watch.runtime(runtime);
            enforcer.register(watch);
            installPrelude(modules);
            defineBindings();
            loadWorker(modules, startup);
            ready.complete(null);
        } catch (WorkerLoadException e) {
            unhandledRejections.clear();
            ready.completeExceptionally(e);
            shutdown();
        } catch (Throwable t) {
            LOG.errorf(t, "could not create an isolate for worker %s", bundle.scriptName());
            ready.completeExceptionally(new WorkerLoadException("Could not create an isolate: " + t.getMessage(), t));
            shutdown();
        }
    }

    private void installPrelude(ModuleLoader modules) throws JavetException {
        V8Module bootstrap = modules.compileInternal(runtime, "bootstrap.js");
        if (!bootstrap.instantiate()) {
            throw new IllegalStateException("prelude did not link");
        }
        try (V8Value ignored = bootstrap.evaluate(true)) {
            if (bootstrap.getStatus() == V8Module.Errored) {
                throw new IllegalStateException("prelude failed: " + bootstrap.getException());
            }
        }
        List<KvNamespaceBinding> kv = new ArrayList<>();
        List<D1DatabaseBinding> d1 = new ArrayList<>();
        List<ServiceBinding> serviceBindings = new ArrayList<>();
        List<dev.outpost.runtime.bindings.r2.R2BucketBinding> r2 = new ArrayList<>();
        List<dev.outpost.runtime.bindings.queue.QueueProducerBinding> queues = new ArrayList<>();
        List<dev.outpost.runtime.bindings.DurableObjectClient> objectClients = new ArrayList<>();
        for (WorkerEnvironment.Binding binding : environment.bindings()) {
            if (binding instanceof WorkerEnvironment.QueueBinding q) {
                queues.add(q.producer());
            } else if (binding instanceof WorkerEnvironment.DurableObjectNamespaceBinding d) {
                objectClients.add(d.client());
            } else if (binding instanceof WorkerEnvironment.ServiceBindingEntry s) {
                serviceBindings.add(s.service());
            } else if (binding instanceof WorkerEnvironment.KvBinding k) {
                kv.add(k.namespace());
            } else if (binding instanceof WorkerEnvironment.D1Binding d) {
                d1.add(d.database());
            } else if (binding instanceof WorkerEnvironment.R2Binding b) {
                r2.add(b.bucket());
            }
        }
        Services services = new Services();
        streams = new StreamHost(services);
        webSockets = new WebSocketHost(services, streams, outbound);
        try (V8ValueObject namespace = (V8ValueObject) bootstrap.getNamespace(); HostObject host = new HostObject(runtime)) {
            registerCoreFunctions(host);
            host.install(new ConsoleHost(services))
                    .install(new CryptoHost())
                    .install(new EncodingHost())
                    .install(new dev.outpost.runtime.api.ZlibHost())
                    .install(new dev.outpost.runtime.api.SocketHost(services, outbound))
                    .install(new KvHost(services, kv))
                    .install(new D1Host(services, d1))
                    .install(new ServiceBindingHost(services, serviceBindings, streams))
                    .install(new R2Host(services, r2))
                    .install(new dev.outpost.runtime.api.QueueHost(services, queues))
                    .install(new dev.outpost.runtime.api.DurableObjectHost(services, objectClients,
                            environment.objectStorage(), streams))
                    .install(new CacheHost(cache, environment.cacheScope() != null ? environment.cacheScope()
                            : "worker:" + bundle.scriptName()))
                    .install(streams)
                    .install(webSockets)
                    .install(new FetchHost(services, streams, outbound));
            try (V8ValueObject entry = namespace.invoke("install", host.v8Object(),
                    runtime.createV8ValueString(compatibilityJson()))) {
                js = new JsEntryPoints(entry);
            }
        }
    }

    /** RT-12: the version's flags as the JSON object the prelude exposes as Cloudflare.compatibilityFlags. */
    private String compatibilityJson() {
        StringBuilder json = new StringBuilder("{");
        bundle.compatibility().forEach((name, on) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            dev.outpost.runtime.glue.JsonText.quote(json, name).append(':').append(on);
        });
        return json.append('}').toString();
    }

    private void defineBindings() throws JavetException, WorkerLoadException {
        int kvIndex = 0;
        int d1Index = 0;
        int serviceIndex = 0;
        int r2Index = 0;
        int queueIndex = 0;
        int objectIndex = 0;
        for (WorkerEnvironment.Binding binding : environment.bindings()) {
            String type;
            V8Value value;
            if (binding instanceof WorkerEnvironment.TextBinding t) {
                type = "text";
                value = runtime.createV8ValueString(t.value());
            } else if (binding instanceof WorkerEnvironment.SecretBinding s) {
                type = "secret";
                value = runtime.createV8ValueString(s.value());
            } else if (binding instanceof WorkerEnvironment.JsonBinding j) {
                type = "json";
                value = runtime.createV8ValueString(j.json());
            } else if (binding instanceof WorkerEnvironment.KvBinding) {
                type = "kv";
                value = runtime.createV8ValueInteger(kvIndex++);
            } else if (binding instanceof WorkerEnvironment.D1Binding) {
                type = "d1";
                value = runtime.createV8ValueInteger(d1Index++);
            } else if (binding instanceof WorkerEnvironment.ServiceBindingEntry) {
                type = "service";
                value = runtime.createV8ValueInteger(serviceIndex++);
            } else if (binding instanceof WorkerEnvironment.R2Binding) {
                // R2-7: "<index>:<honour list include>" (compat flag r2_list_honor_include)
                type = "r2";
                value = runtime.createV8ValueString((r2Index++) + ":" + (R2Compat.honorListInclude(bundle) ? 1 : 0));
            } else if (binding instanceof WorkerEnvironment.QueueBinding q) {
                type = "queue";
                value = runtime.createV8ValueString((queueIndex++) + "\0" + q.queueName());
            } else if (binding instanceof WorkerEnvironment.DurableObjectNamespaceBinding d) {
                type = "durable_object_namespace";
                // "<namespace id>\0<class>\0<client index, -1 when nothing serves the stubs>"
                int index = objectIndex++;
                value = runtime.createV8ValueString(d.namespaceId() + "\0" + d.className() + "\0"
                        + (d.client() == null ? -1 : index));
            } else {
                throw new WorkerLoadException("Unsupported binding type for \"" + binding.name() + "\".");
            }
            try {
                js.defineBinding.callVoid(null, runtime.createV8ValueString(type),
                        runtime.createV8ValueString(binding.name()), value);
            } catch (BaseJavetScriptingException e) {
                throw new WorkerLoadException("Invalid binding \"" + binding.name() + "\": " + JsErrors.uncaught(e), e);
            }
        }
    }

    private void loadWorker(ModuleLoader modules, RequestContext startup) throws WorkerLoadException, JavetException {
        if (modules.isServiceWorker()) {
            loadServiceWorker(modules, startup);
            return;
        }
        // Compiling runs CommonJS modules, so it is accounted (and limited) like the evaluation.
        V8Module[] compiled = new V8Module[1];
        Throwable compileFailure = runSlice(startup, () -> compiled[0] = modules.compileBundle(runtime,
                bytes -> js.compileWasm.call(null, bytes), commonJsHost()));
        if (startup.limitExceeded() != null) {
            throw new WorkerLoadException(startup.limitExceeded() == LimitKind.MEMORY
                    ? "Script startup exceeded memory limits." : "Script startup exceeded CPU time limit.");
        }
        if (compileFailure instanceof WorkerLoadException e) {
            throw e;
        }
        if (compileFailure instanceof JavetException e) {
            throw e;
        }
        if (compileFailure != null) {
            throw new WorkerLoadException("Could not load the worker: " + compileFailure, compileFailure);
        }
        V8Module main = compiled[0];
        V8Value[] evaluation = new V8Value[1];
        Throwable failure = runSlice(startup, () -> evaluation[0] = main.evaluate(true));
        try {
            if (startup.limitExceeded() != null) {
                throw new WorkerLoadException(startup.limitExceeded() == LimitKind.MEMORY
                        ? "Script startup exceeded memory limits." : "Script startup exceeded CPU time limit.");
            }
            if (failure instanceof BaseJavetScriptingException e) {
                throw new WorkerLoadException(JsErrors.uncaught(e), e);
            }
            if (failure != null) {
                throw new WorkerLoadException("Uncaught " + failure.getMessage(), failure);
            }
            if (main.getStatus() == V8Module.Errored || evaluation[0] instanceof V8ValuePromise p
                    && p.getState() == IV8ValuePromise.STATE_REJECTED) {
                throw new WorkerLoadException(JsErrors.uncaughtFromStack(describe(main, evaluation[0])));
            }
            if (evaluation[0] instanceof V8ValuePromise p && p.getState() == IV8ValuePromise.STATE_PENDING) {
                throw new WorkerLoadException("Uncaught Error: top-level await in \"" + bundle.mainModule()
                        + "\" did not settle during startup (I/O and timers are not allowed in global scope).");
            }
        } finally {
            JavetResourceUtils.safeClose(evaluation[0]);
        }
        reportUnhandledRejections(startup);
        try (V8Value namespace = main.getNamespace()) {
            V8Value error = js.registerWorker.call(null, namespace, runtime.createV8ValueString(bundle.mainModule()));
            try (error) {
                if (error instanceof V8ValueString message) {
                    throw new WorkerLoadException(message.getValue());
                }
            }
        }
    }

    private ModuleLoader.CommonJsHost commonJsHost() {
        return new ModuleLoader.CommonJsHost() {
            @Override
            public void define(String name, V8Value factory) throws JavetException {
                js.defineCommonJs.callVoid(null, runtime.createV8ValueString(name), factory);
            }

            @Override
            public V8Value namespace(String name) throws JavetException {
                return js.commonJsNamespace.call(null, runtime.createV8ValueString(name));
            }
        };
    }

    /**
     * RT-2: a service-worker script is a classic script, run in global scope after its bindings became globals;
     * its handlers are the listeners it registered.
     */
    private void loadServiceWorker(ModuleLoader modules, RequestContext startup) throws WorkerLoadException, JavetException {
        String source = modules.serviceWorkerSource();
        js.prepareServiceWorker.callVoid(null);
        Throwable failure = runSlice(startup, () -> runtime.getExecutor(source).setResourceName(bundle.mainModule())
                .setModule(false).executeVoid());
        if (startup.limitExceeded() != null) {
            throw new WorkerLoadException(startup.limitExceeded() == LimitKind.MEMORY
                    ? "Script startup exceeded memory limits." : "Script startup exceeded CPU time limit.");
        }
        if (failure instanceof BaseJavetScriptingException e) {
            throw new WorkerLoadException(JsErrors.uncaught(e), e);
        }
        if (failure != null) {
            throw new WorkerLoadException("Uncaught " + failure.getMessage(), failure);
        }
        reportUnhandledRejections(startup);
        V8Value error = js.registerWorker.call(null, runtime.createV8ValueUndefined(),
                runtime.createV8ValueString(bundle.mainModule()));
        try (error) {
            if (error instanceof V8ValueString message) {
                throw new WorkerLoadException(message.getValue());
            }
        }
    }

    /** The stack text of the exception that failed module evaluation. */
    private String describe(V8Module main, V8Value evaluation) throws JavetException {
        V8Value exception = null;
        try {
            if (evaluation instanceof V8ValuePromise promise && promise.getState() == IV8ValuePromise.STATE_REJECTED) {
                exception = promise.getResult();
            } else {
                exception = main.getException();
            }
            return js.describeError.callString(null, exception);
        } catch (ClassCastException e) {
            return "Error: module evaluation failed";
        } finally {
            JavetResourceUtils.safeClose(exception);
        }
    }

    // ---- requests ------------------------------------------------------------------------------------

    private void dispatch(RequestContext context, InvocationAction action) {
        if (context.isDone()) {
            return;
        }
        if (js == null || condemned) {
            context.complete(ready.isCompletedExceptionally() ? ErrorResponses.internalError() : ErrorResponses.unavailable());
            context.release();
            return;
        }
        active.put(context.id(), context);
        Throwable failure = runSlice(context, () -> action.run(context));
        if (failure != null) {
            failRequest(context, describeFailure(failure));
        }
        checkNeverResponds(context);
    }

    /** RT-11: the log line workerd writes when it cancels a request that can never respond. */
    static final String NEVER_RESPONDS = "Uncaught Error: The Workers runtime canceled this request because it detected "
            + "that your Worker's code had hung and would never generate a response. Refer to: "
            + "https://developers.cloudflare.com/workers/observability/errors/";

    /**
     * RT-11: called on the loop after every slice that ran a request's JS. When the request has no response and
     * nothing left that could wake it (see {@link RequestContext#hasLeftovers()}), it is answered now with
     * workerd's 500 instead of waiting for the wall deadline. The check is re-done in a later loop turn so
     * that work queued by the same turn (another request's slice) is seen first.
     */
    private void checkNeverResponds(RequestContext context) {
        if (!context.neverResponds()) {
            return;
        }
        loop.execute(() -> {
            if (context.neverResponds() && context.complete(ErrorResponses.internalError())) {
                workerLog.log(Logger.Level.ERROR, context, NEVER_RESPONDS);
                abort(context);
            }
        });
    }

    /**
     * The worker's answer. {@code body} is a string or ArrayBuffer (buffered), or a number for a streamed body:
     * positive, the handle of a JS stream Java now reads ({@link JsBodyStream}); negative, a Java stream
     * (an untouched request body) handed straight back without JS in between.
     */
    private void respond(int id, int status, String statusText, String headers, V8Value body, int webSocket)
            throws JavetException {
        RequestContext context = active.get(id);
        if (context == null) {
            return;
        }
        if (webSocket > 0) {
            // RT-10: a 101 with the pair's client end; the embedder upgrades the connection and attaches.
            finish(context, new WorkerResponse(status, statusText, WireHeaders.decode(headers), null, null,
                    webSockets.socket(webSocket)));
            return;
        }
        BodyStream stream = null;
        if (body instanceof com.caoccao.javet.values.primitive.V8ValueNumber<?> n) {
            int handle = ((Number) n.getValue()).intValue();
            stream = handle > 0 ? openExport(context, handle) : streams.take(-handle);
        }
        List<Map.Entry<String, String>> decoded = WireHeaders.decode(headers);
        if (stream != null && stream.length() >= 0 && !WireHeaders.has(decoded, "content-length")) {
            // A Java body of known length passed back (an echoed request body, a fetched response body): it
            // goes out with Content-Length, as workerd sends it, not chunked.
            decoded = new ArrayList<>(decoded);
            decoded.add(Map.entry("content-length", Long.toString(stream.length())));
        }
        WorkerResponse response = stream != null
                ? new WorkerResponse(status, statusText, decoded, null, stream)
                : new WorkerResponse(status, statusText, decoded, JsBytes.toBytes(body));
        finish(context, response);
    }

    // ---- streamed bodies read by Java ----------------------------------------------------------------

    private JsBodyStream openExport(RequestContext context, int handle) {
        JsBodyStream stream = new JsBodyStream(handle, context, pump);
        exports.put(handle, stream);
        context.streamOpened();
        return stream;
    }

    /** Loop thread: one pull of the JS reader; the chunk comes back through host.streamChunk. */
    private void pullExport(JsBodyStream stream) {
        if (js == null || exports.get(stream.handle()) != stream) {
            stream.fail(new java.io.IOException("Network connection lost."));
            return;
        }
        Throwable failure = runSlice(stream.context(), () ->
                js.pullStream.callVoid(null, runtime.createV8ValueInteger(stream.handle())));
        if (failure != null && exports.get(stream.handle()) == stream) {
            stream.deliver(null, describeFailure(failure));
            closeExport(stream);
        }
    }

    private void cancelExport(JsBodyStream stream, String reason) {
        if (exports.get(stream.handle()) != stream) {
            return;
        }
        closeExport(stream);
        if (js != null) {
            runSlice(stream.context(), () -> js.cancelStream.callVoid(null, runtime.createV8ValueInteger(stream.handle()),
                    runtime.createV8ValueString(reason == null ? "" : reason)));
        }
    }

    private void closeExport(JsBodyStream stream) {
        if (exports.remove(stream.handle()) != null) {
            stream.context().streamClosed();
            maybeRelease(stream.context());
        }
    }

    /** Loop thread: the streams of an ended request (or of a dying isolate) fail for their reader. */
    private void failExports(RequestContext context) {
        for (JsBodyStream stream : List.copyOf(exports.values())) {
            if (context == null || stream.context() == context) {
                exports.remove(stream.handle());
                stream.context().streamClosed();
                stream.fail(new java.io.IOException("Network connection lost."));
            }
        }
    }

    private void failRequest(RequestContext context, String error) {
        if (context.isDone()) {
            return;
        }
        workerLog.log(Logger.Level.ERROR, context, "Uncaught " + error);
        finish(context, ErrorResponses.internalError());
    }

    /** Loop thread: the request has its response; what it left running goes on until its wall deadline. */
    private void finish(RequestContext context, WorkerResponse response) {
        active.remove(context.id());
        context.complete(response);
        if (!context.hasLeftovers()) {
            context.release();
        } else if (context.openSockets() == 0) {
            armGrace(context);
        }
    }

    /**
     * The 30 s after-response grace. While the response body still streams (a JS stream Java pulls, e.g. a large
     * R2 object) the response is not over, so the grace starts again: as on Cloudflare, a streaming response lives
     * while the client reads it (the wall deadline handles one that stops moving; see onWallDeadline).
     */
    private void armGrace(RequestContext context) {
        context.graceTimer(enforcer.deadline(AFTER_RESPONSE_GRACE, () -> loop.execute(() -> {
            if (context.isAborted()) {
                return;
            }
            if (context.openStreams() > 0) {
                armGrace(context);
                return;
            }
            workerLog.log(Logger.Level.WARN, context, "waitUntil() work was canceled "
                    + AFTER_RESPONSE_GRACE.toSeconds() + " s after the response.");
            abort(context);
        })));
    }

    private void onWallDeadline(RequestContext context) {
        if (context.isDone() && (context.openStreams() > 0 || context.openSockets() > 0)
                || context.bodyMovedSinceLastCheck()) {
            // The response is streaming, or the request body is still arriving: as on Cloudflare the request
            // lives while the client is connected and data moves.
            context.wallTimer(enforcer.deadline(limits.wallPerRequest(), () -> onWallDeadline(context)));
            return;
        }
        if (context.complete(ErrorResponses.internalError())) {
            context.limitExceeded(LimitKind.WALL);
            workerLog.log(Logger.Level.ERROR, context, "Uncaught Error: The Workers runtime canceled this request because it "
                    + "detected that your Worker's code had hung and would never generate a response "
                    + "(wall time limit of " + limits.wallPerRequest().toMillis() + " ms exceeded).");
        }
        loop.execute(() -> abort(context));
    }

    /** Loop thread: ends a request and everything it left behind (timers, host calls). */
    private void abort(RequestContext context) {
        active.remove(context.id());
        context.markAborted();
        for (Integer id : context.timers()) {
            TimerEntry entry = timers.remove(id);
            if (entry != null) {
                entry.timer().cancel();
            }
            callQuietly(js == null ? null : js.dropTimer, id);
        }
        context.timers().clear();
        for (Integer id : context.pendingCalls()) {
            callQuietly(js == null ? null : js.forget, id);
        }
        context.pendingCalls().clear();
        failExports(context);
        context.release();
    }

    private void callQuietly(V8ValueFunction function, int id) {
        if (function == null || runtime == null || runtime.isClosed()) {
            return;
        }
        try {
            function.callVoid(null, runtime.createV8ValueInteger(id));
        } catch (JavetException e) {
            LOG.debugf(e, "cleanup call failed");
        }
    }

    private void maybeRelease(RequestContext context) {
        if (context.isDone() && !context.hasLeftovers()) {
            context.release();
        }
    }

    // ---- slices and limits ---------------------------------------------------------------------------

    /**
     * Runs one call into JS on behalf of {@code context}. Returns the failure the JS threw, or null when it
     * returned normally or was ended by a limit (which this method handles).
     */
    private Throwable runSlice(RequestContext context, JsAction action) {
        current = context;
        watch.begin(context);
        Throwable failure = null;
        try {
            action.run();
        } catch (Throwable t) {
            failure = t;
        }
        boolean terminated = watch.end();
        current = null;
        if (terminated || failure instanceof JavetTerminatedException) {
            if (!(failure instanceof JavetTerminatedException)) {
                absorbTermination();
            }
            unhandledRejections.clear();
            onLimit(context);
            return null;
        }
        if (!context.isStartup()) {
            // Startup reports its rejections once it knows whether the load failed (then they are the failure).
            reportUnhandledRejections(context);
        }
        return failure;
    }

    /** A termination requested just as the JS returned would hit the next call: let a no-op take it. */
    private void absorbTermination() {
        try {
            js.noop.callVoid(null);
        } catch (JavetException e) {
            LOG.debug("absorbed a pending termination");
        }
    }

    private void onLimit(RequestContext context) {
        LimitKind kind = context.limitExceeded() != null ? context.limitExceeded() : LimitKind.CPU;
        context.limitExceeded(kind);
        if (kind == LimitKind.MEMORY || watch.heapExceeded()) {
            condemn(context);
            return;
        }
        if (context.isStartup()) {
            return;
        }
        workerLog.log(Logger.Level.ERROR, context, "Worker exceeded CPU time limit ("
                + limits.cpuPerRequest().toMillis() + " ms); execution was terminated.");
        context.complete(ErrorResponses.limitExceeded(LimitKind.CPU));
        abort(context);
    }

    /**
     * The isolate went over its heap budget: it cannot be trusted to shrink, so every request in it ends with
     * a 503 and the isolate is shut down; the owner replaces it on the next request.
     */
    private void condemn(RequestContext culprit) {
        condemned = true;
        workerLog.log(Logger.Level.ERROR, culprit, "Worker exceeded memory limit ("
                + limits.heapBytes() / (1024 * 1024) + " MB heap, used " + watch.lastUsedHeap() / (1024 * 1024)
                + " MB); the isolate is replaced.");
        if (!culprit.isStartup()) {
            culprit.complete(ErrorResponses.limitExceeded(LimitKind.MEMORY));
        }
        for (RequestContext context : List.copyOf(active.values())) {
            context.complete(ErrorResponses.limitExceeded(LimitKind.MEMORY));
        }
        loop.execute(this::shutdown);
    }

    private void onPromiseReject(JavetPromiseRejectEvent event, V8ValuePromise promise, V8Value value) {
        try {
            int key = promise.getIdentityHash();
            if (event == JavetPromiseRejectEvent.PromiseRejectWithNoHandler) {
                String text;
                if (value instanceof V8ValueError error) {
                    String stack = error.getStack();
                    text = stack != null && !stack.isEmpty() ? stack : error.getMessage();
                } else {
                    text = String.valueOf(value);
                }
                unhandledRejections.put(key, text.replaceAll("\n\\s+at [^\n]*outpost:internal/[^\n]*", ""));
            } else if (event == JavetPromiseRejectEvent.PromiseHandlerAddedAfterReject) {
                unhandledRejections.remove(key);
            }
        } catch (JavetException e) {
            LOG.debugf(e, "could not inspect a rejected promise");
        }
    }

    private void reportUnhandledRejections(RequestContext context) {
        if (unhandledRejections.isEmpty()) {
            return;
        }
        for (String text : unhandledRejections.values()) {
            workerLog.log(Logger.Level.ERROR, context, "Uncaught (in promise) " + text);
        }
        unhandledRejections.clear();
    }

    private String describeFailure(Throwable failure) {
        if (failure instanceof BaseJavetScriptingException e && e.getScriptingError() != null) {
            String stack = e.getScriptingError().getStack();
            return stack != null && !stack.isEmpty() ? stack : e.getScriptingError().getMessage();
        }
        LOG.errorf(failure, "isolate failure in worker %s", bundle.scriptName());
        return "Error: internal error";
    }

    // ---- host functions of the isolate itself --------------------------------------------------------

    private void registerCoreFunctions(HostObject host) throws JavetException {
        host.function("respond", args -> {
            respond(JsArgs.integer(args, 0, -1), JsArgs.integer(args, 1, 500), JsArgs.string(args, 2),
                    JsArgs.string(args, 3), JsArgs.arg(args, 4), JsArgs.integer(args, 5, 0));
            return runtime.createV8ValueUndefined();
        });
        host.function("streamChunk", args -> {
            JsBodyStream stream = exports.get(JsArgs.integer(args, 0, -1));
            if (stream != null) {
                V8Value chunk = JsArgs.arg(args, 1);
                String error = JsArgs.string(args, 2);
                if (stream.deliver(error != null || JsArgs.isNullish(chunk) ? null : JsBytes.toBytes(chunk), error)) {
                    closeExport(stream);
                }
            }
            return runtime.createV8ValueUndefined();
        });
        host.function("fail", args -> {
            RequestContext context = active.get(JsArgs.integer(args, 0, -1));
            if (context != null) {
                failRequest(context, JsArgs.string(args, 1));
            }
            return runtime.createV8ValueUndefined();
        });
        host.function("currentRequest", args -> runtime.createV8ValueInteger(current == null ? -1 : current.id()));
        host.function("setTimer", args -> {
            RequestContext context = current;
            if (context == null || context.isStartup() || context.isAborted()) {
                return runtime.createV8ValueString("Timers can only be set while handling a request.");
            }
            int id = JsArgs.integer(args, 0, -1);
            long delay = JsArgs.longValue(args, 1, 0);
            boolean repeat = JsArgs.bool(args, 2);
            scheduleTimer(context, id, delay, repeat);
            return runtime.createV8ValueUndefined();
        });
        host.function("clearTimer", args -> {
            TimerEntry entry = timers.remove(JsArgs.integer(args, 0, -1));
            if (entry != null) {
                entry.timer().cancel();
                entry.context().timers().remove(JsArgs.integer(args, 0, -1));
                maybeRelease(entry.context());
                checkNeverResponds(entry.context());
            }
            return runtime.createV8ValueUndefined();
        });
    }

    private void scheduleTimer(RequestContext context, int id, long delay, boolean repeat) {
        // Intervals wait at least 1 ms so a zero interval cannot starve the loop.
        long effective = repeat ? Math.max(1, delay) : delay;
        EventLoop.Timer timer = loop.schedule(effective, () -> fireTimer(id));
        timers.put(id, new TimerEntry(context, timer, delay, repeat));
        context.timers().add(id);
    }

    private void fireTimer(int id) {
        TimerEntry entry = timers.get(id);
        if (entry == null || closed) {
            return;
        }
        RequestContext context = entry.context();
        if (entry.repeat()) {
            scheduleTimer(context, id, entry.delay(), true);
        } else {
            timers.remove(id);
            context.timers().remove(id);
        }
        Throwable failure = runSlice(context, () -> js.runTimer.callVoid(null, runtime.createV8ValueInteger(id)));
        if (failure != null) {
            workerLog.log(Logger.Level.ERROR, context, "Uncaught " + describeFailure(failure));
        }
        maybeRelease(context);
        checkNeverResponds(context);
    }

    private <T> void settle(RequestContext context, int callId, T value, Throwable error,
                            HostServices.ResultEncoder<T> encoder) {
        if (!context.pendingCalls().remove(callId) || closed || js == null) {
            return;
        }
        Throwable failure = runSlice(context, () -> {
            V8Value id = runtime.createV8ValueInteger(callId);
            if (error != null) {
                js.settle.callVoid(null, id, runtime.createV8ValueBoolean(false),
                        runtime.createV8ValueString(JsErrors.messageOf(error)), runtime.createV8ValueUndefined());
                return;
            }
            V8Value[] payload = encoder.encode(runtime, value);
            try {
                js.settle.callVoid(null, id, runtime.createV8ValueBoolean(true), payload[0], payload[1]);
            } finally {
                JavetResourceUtils.safeClose((Object[]) payload);
            }
        });
        if (failure != null) {
            workerLog.log(Logger.Level.ERROR, context, "Uncaught " + describeFailure(failure));
        }
        maybeRelease(context);
        checkNeverResponds(context);
    }

    // ---- shutdown ------------------------------------------------------------------------------------

    private void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        enforcer.unregister(watch);
        for (RequestContext context : List.copyOf(active.values())) {
            context.complete(condemned ? ErrorResponses.limitExceeded(LimitKind.MEMORY) : ErrorResponses.unavailable());
            context.release();
        }
        active.clear();
        timers.clear();
        failExports(null);
        if (js != null) {
            js.close();
            js = null;
        }
        if (runtime != null) {
            watch.runtime(null);
            try {
                runtime.close(true);
            } catch (JavetException | RuntimeException e) {
                LOG.debugf(e, "closing the runtime of %s failed", bundle.scriptName());
            }
        }
        loop.stop();
    }

    private static final String GLOBAL_SCOPE_IO = "Disallowed operation called within global scope. Asynchronous I/O "
            + "(ex: fetch() or connect()), setting a timeout, and generating random values are not allowed within global "
            + "scope. To fix this error, perform this operation within a handler. "
            + "https://developers.cloudflare.com/workers/runtime-apis/handlers/";

    /** The services the Java halves of the JS APIs use. */
    private final class Services implements HostServices {
        @Override
        public V8Runtime runtime() {
            return runtime;
        }

        @Override
        public <T> String startCall(int callId, Supplier<? extends CompletionStage<T>> operation,
                                    ResultEncoder<T> encoder) {
            RequestContext context = current;
            if (context == null || context.isStartup()) {
                return GLOBAL_SCOPE_IO;
            }
            await(context, callId, begin(context, operation), encoder);
            return null;
        }

        @Override
        public <T> V8Value startBindingCallOrAnswer(int callId, Supplier<? extends CompletionStage<T>> operation,
                                                    ResultEncoder<T> encoder) throws JavetException {
            String refused = bindingOperation();
            RequestContext context = current;
            if (refused == null && (context == null || context.isStartup())) {
                refused = GLOBAL_SCOPE_IO;
            }
            if (refused != null) {
                return runtime.createV8ValueString(refused);
            }
            CompletionStage<T> stage = begin(context, operation);
            if (stage instanceof CompletableFuture<T> done && done.isDone() && !done.isCompletedExceptionally()) {
                // Answered already (e.g. a KV near-cache hit): hand the payload back in this call; JS resolves
                // its promise at once instead of waiting for a settle task and a slice of its own.
                V8Value[] payload = encoder.encode(runtime, done.join());
                try {
                    V8ValueArray answer = runtime.createV8ValueArray();
                    answer.push(payload[0], payload[1]);
                    return answer;
                } finally {
                    JavetResourceUtils.safeClose((Object[]) payload);
                }
            }
            await(context, callId, stage, encoder);
            return runtime.createV8ValueUndefined();
        }

        private <T> CompletionStage<T> begin(RequestContext context, Supplier<? extends CompletionStage<T>> operation) {
            CompletionStage<T> stage;
            try {
                stage = BindingCallContext.call(context.attachment(), operation);
                if (stage == null) {
                    stage = CompletableFuture.failedFuture(new IllegalStateException("binding returned no result"));
                }
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            return stage;
        }

        /** Settles the JS promise of {@code callId} on the isolate thread when {@code stage} completes. */
        private <T> void await(RequestContext context, int callId, CompletionStage<T> stage, ResultEncoder<T> encoder) {
            context.pendingCalls().add(callId);
            stage.whenComplete((value, error) -> {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause != null && !(cause instanceof dev.outpost.runtime.bindings.BindingException)) {
                    LOG.debugf(cause, "binding call failed in worker %s", bundle.scriptName());
                }
                loop.execute(() -> settle(context, callId, value, cause, encoder));
            });
        }

        @Override
        public void onRequestEnd(Runnable cleanup) {
            RequestContext context = current;
            if (context == null || context.isStartup()) {
                return;
            }
            context.onRelease(cleanup);
        }

        @Override
        public BodyStream exportedStream(int handle) {
            RequestContext context = current;
            if (handle < 0) {
                return streams.take(-handle);
            }
            return context == null ? null : openExport(context, handle);
        }

        @Override
        public String subrequest() {
            return counted(context -> context.subrequest(limits.subrequests()), "Too many subrequests.");
        }

        @Override
        public String bindingOperation() {
            return counted(context -> context.bindingOperation(limits.bindingOperations()),
                    "Too many API requests by single worker invocation.");
        }

        /** Counts one call of the current request (none at startup); {@code refusal} once it is over its limit. */
        private String counted(java.util.function.Predicate<RequestContext> countWithinLimit, String refusal) {
            RequestContext context = current;
            return context == null || context.isStartup() || countWithinLimit.test(context) ? null : refusal;
        }

        @Override
        public Runnable holdRequest() {
            RequestContext context = current;
            if (context == null || context.isStartup() || context.isAborted()) {
                return null;
            }
            context.socketOpened();
            java.util.concurrent.atomic.AtomicBoolean let = new java.util.concurrent.atomic.AtomicBoolean();
            return () -> {
                if (let.compareAndSet(false, true)) {
                    context.socketClosed();
                    loop.execute(() -> maybeRelease(context));
                }
            };
        }

        @Override
        public void log(String level, String message) {
            workerLog.log(WorkerLog.levelOf(level), current, message);
        }
    }

    /** The prelude functions the host calls, held for the life of the isolate. */
    private static final class JsEntryPoints {
        final V8ValueFunction dispatchFetch;
        final V8ValueFunction dispatchScheduled;
        final V8ValueFunction dispatchCall;
        final V8ValueFunction dispatchQueue;
        final V8ValueFunction prepareServiceWorker;
        final V8ValueFunction defineCommonJs;
        final V8ValueFunction commonJsNamespace;
        final V8ValueFunction settle;
        final V8ValueFunction forget;
        final V8ValueFunction runTimer;
        final V8ValueFunction dropTimer;
        final V8ValueFunction defineBinding;
        final V8ValueFunction registerWorker;
        final V8ValueFunction describeError;
        final V8ValueFunction compileWasm;
        final V8ValueFunction noop;
        final V8ValueFunction pullStream;
        final V8ValueFunction cancelStream;

        JsEntryPoints(V8ValueObject entry) throws JavetException {
            dispatchFetch = entry.get("dispatchFetch");
            dispatchScheduled = entry.get("dispatchScheduled");
            dispatchCall = entry.get("dispatchCall");
            dispatchQueue = entry.get("dispatchQueue");
            prepareServiceWorker = entry.get("prepareServiceWorker");
            defineCommonJs = entry.get("defineCommonJs");
            commonJsNamespace = entry.get("commonJsNamespace");
            settle = entry.get("settle");
            forget = entry.get("forget");
            runTimer = entry.get("runTimer");
            dropTimer = entry.get("dropTimer");
            defineBinding = entry.get("defineBinding");
            registerWorker = entry.get("registerWorker");
            describeError = entry.get("describeError");
            compileWasm = entry.get("compileWasm");
            noop = entry.get("noop");
            pullStream = entry.get("pullStream");
            cancelStream = entry.get("cancelStream");
        }

        void close() {
            JavetResourceUtils.safeClose(dispatchFetch, dispatchScheduled, dispatchCall, dispatchQueue, prepareServiceWorker, defineCommonJs,
                    commonJsNamespace, settle, forget, runTimer, dropTimer, defineBinding,
                    registerWorker, describeError, compileWasm, noop, pullStream, cancelStream);
        }
    }
}
