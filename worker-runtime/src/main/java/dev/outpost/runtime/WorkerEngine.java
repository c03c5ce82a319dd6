package dev.outpost.runtime;

import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.options.V8RuntimeOptions;
import org.jboss.logging.Logger;
import dev.outpost.runtime.io.IsolatePools;
import dev.outpost.runtime.io.IsolateWorker;
import dev.outpost.runtime.io.LimitEnforcer;
import dev.outpost.runtime.io.OutboundHttp;
import dev.outpost.runtime.io.WorkerIsolate;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Loads workers into V8 isolates. One per JVM: it owns the limit enforcer shared by all isolates and sets the
 * process-wide V8 flags before the first isolate exists.
 */
public final class WorkerEngine implements AutoCloseable {
    /**
     * V8's own heap ceiling per isolate. V8 aborts the whole process when an isolate reaches it, so it sits far
     * above any per-isolate budget; the budget itself is enforced by the watchdog (RuntimeLimits.heapBytes).
     */
    static final int HARD_HEAP_LIMIT_MB = 2048;
    /**
     * Code optimized by V8 13.8's Turboshaft backend can run a loop around {@code new Array(n)} without ever
     * honouring TerminateExecution or interrupt requests (measured: 1,000 repeated requests over 2 s, none
     * landed, until the heap bomb aborted the JVM). With Turboshaft off, TurboFan's classic backend keeps the
     * loop checks and termination lands within milliseconds; the optimizing tier stays on.
     */
    static final String ENGINE_FLAGS = "--no-turboshaft";
    private static final Object FLAGS_LOCK = new Object();
    /** Whether this JVM's V8 library is loaded with its ICU data; guarded by FLAGS_LOCK. */
    private static boolean v8Loaded;
    private static final Logger LOG = Logger.getLogger(WorkerEngine.class);

    private final LimitEnforcer enforcer = new LimitEnforcer();
    private final IsolatePools pools;
    private final FetchPolicy fetchPolicy;
    private final io.vertx.core.Vertx vertx;
    private volatile OutboundHttp outbound;
    private volatile boolean closed;
    /** The Cache API store (RT-6): one per engine, so every isolate of every worker shares it. */
    private final dev.outpost.runtime.io.ResponseCache cache;

    private WorkerEngine(IsolatePoolSettings poolSettings, FetchPolicy fetchPolicy, io.vertx.core.Vertx vertx,
                         CacheSettings cacheSettings) {
        this.pools = new IsolatePools(poolSettings, enforcer);
        this.fetchPolicy = fetchPolicy;
        this.vertx = vertx;
        this.cache = new dev.outpost.runtime.io.ResponseCache(cacheSettings);
    }

    /**
     * An engine with the default isolate pools (one isolate per core at most per worker version) whose workers may
     * fetch only public addresses, over a Vert.x instance of its own.
     */
    public static WorkerEngine create() {
        return create(IsolatePoolSettings.defaults(), FetchPolicy.defaults(), null);
    }

    public static WorkerEngine create(IsolatePoolSettings poolSettings) {
        return create(poolSettings, FetchPolicy.defaults(), null);
    }

    public static WorkerEngine create(FetchPolicy fetchPolicy, io.vertx.core.Vertx vertx) {
        return create(IsolatePoolSettings.defaults(), fetchPolicy, vertx);
    }

    /**
     * @param poolSettings how many isolates a worker version may use
     * @param fetchPolicy  what outbound fetch may reach
     * @param vertx        the embedder's Vert.x for outbound fetch, or null for one the engine creates when a
     *                     worker first fetches (and closes with the engine)
     */
    public static WorkerEngine create(IsolatePoolSettings poolSettings, FetchPolicy fetchPolicy, io.vertx.core.Vertx vertx) {
        return create(poolSettings, fetchPolicy, vertx, CacheSettings.defaults());
    }

    /** As above, with the size bounds of the Cache API store (RT-6). */
    public static WorkerEngine create(IsolatePoolSettings poolSettings, FetchPolicy fetchPolicy, io.vertx.core.Vertx vertx,
                                      CacheSettings cacheSettings) {
        Objects.requireNonNull(poolSettings, "poolSettings");
        synchronized (FLAGS_LOCK) {
            if (!V8RuntimeOptions.V8_FLAGS.isSealed()) {
                V8RuntimeOptions.V8_FLAGS.setMaxHeapSize(HARD_HEAP_LIMIT_MB);
                V8RuntimeOptions.V8_FLAGS.setExposeGC(false);
                V8RuntimeOptions.V8_FLAGS.setAllowNativesSyntax(false);
                V8RuntimeOptions.V8_FLAGS.setCustomFlags(ENGINE_FLAGS);
            } else if (V8RuntimeOptions.V8_FLAGS.getMaxHeapSize() != HARD_HEAP_LIMIT_MB
                    || !ENGINE_FLAGS.equals(V8RuntimeOptions.V8_FLAGS.getCustomFlags())) {
                LOG.warnf("V8 was initialised before the worker engine; its flags (%s) stay as they are, so the "
                        + "heap and termination safeguards may not hold", V8RuntimeOptions.V8_FLAGS);
            }
            if (!v8Loaded) {
                loadV8WithIcu();
                v8Loaded = true;
            }
        }
        FetchPolicy policy = fetchPolicy == null ? FetchPolicy.defaults() : fetchPolicy;
        // A bad CIDR fails here, at start, not at a worker's first fetch.
        new dev.outpost.runtime.io.AddressPolicy(policy.allowedCidrs(), policy.deniedCidrs());
        return new WorkerEngine(poolSettings, policy, vertx, cacheSettings == null ? CacheSettings.defaults() : cacheSettings);
    }

    /**
     * Loads the i18n V8 build with its ICU data (RT-6: {@code Intl} as in workerd). V8 reads the data file into
     * memory while the library loads (and seals the flags), so the temporary copy is deleted right after.
     */
    private static void loadV8WithIcu() {
        if (V8RuntimeOptions.V8_FLAGS.isSealed()) {
            if (V8RuntimeOptions.V8_FLAGS.getIcuDataFile() == null) {
                throw new IllegalStateException("V8 was initialised before the worker engine without ICU data; "
                        + "the i18n build cannot run without it");
            }
            V8Host.getV8I18nInstance();
            return;
        }
        java.nio.file.Path icu = dev.outpost.runtime.glue.IcuData.extract();
        try {
            V8RuntimeOptions.V8_FLAGS.setIcuDataFile(icu.toString());
            if (!V8Host.getV8I18nInstance().isLibraryLoaded()) {
                throw new IllegalStateException("the V8 (i18n) native library did not load: "
                        + V8Host.getV8I18nInstance().getLastException());
            }
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(icu);
            } catch (java.io.IOException e) {
                LOG.debugf("could not delete the ICU data copy %s: %s", icu, e);
            }
        }
    }

    /** The outbound HTTP client, created on the first fetch of any worker. */
    private OutboundHttp outbound() {
        OutboundHttp current = outbound;
        if (current == null) {
            synchronized (this) {
                current = outbound;
                if (current == null) {
                    if (closed) {
                        throw new IllegalStateException("engine closed");
                    }
                    current = outbound = new OutboundHttp(vertx, fetchPolicy);
                }
            }
        }
        return current;
    }

    /**
     * Compiles and evaluates the bundle's modules in a fresh isolate.
     *
     * @throws WorkerLoadException on a bad bundle, a syntax error, a top-level throw (message like
     *                             {@code Uncaught SyntaxError: Unexpected token ';' at main.js:3}) or a main module
     *                             without handlers
     */
    public LoadedWorker load(WorkerBundle bundle, WorkerEnvironment env, RuntimeLimits limits) throws WorkerLoadException {
        Objects.requireNonNull(bundle, "bundle");
        env = env == null ? WorkerEnvironment.empty() : env;
        limits = limits == null ? RuntimeLimits.defaults() : limits;
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
        WorkerIsolate isolate = new WorkerIsolate(bundle, env, limits, enforcer, this::outbound, cache).start();
        try {
            // Startup is bounded by the CPU watchdog; the wall limit guards against anything else.
            isolate.ready().get(limits.wallPerRequest().toMillis() + limits.cpuPerRequest().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            isolate.close();
            if (e.getCause() instanceof WorkerLoadException loadException) {
                throw loadException;
            }
            throw new WorkerLoadException("Could not load worker: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            isolate.close();
            throw new WorkerLoadException("Loading the worker timed out.");
        } catch (InterruptedException e) {
            isolate.close();
            Thread.currentThread().interrupt();
            throw new WorkerLoadException("Interrupted while loading the worker.");
        }
        IsolateWorker[] self = new IsolateWorker[1];
        self[0] = new IsolateWorker(bundle, env, limits, pools.settings(), enforcer, this::outbound, cache, isolate,
                () -> pools.remove(self[0]));
        pools.add(self[0]);
        return self[0];
    }

    /** Closes every loaded worker and stops the enforcer. */
    @Override
    public void close() {
        closed = true;
        for (LoadedWorker worker : pools.all()) {
            worker.close();
        }
        pools.close();
        enforcer.close();
        synchronized (this) {
            if (outbound != null) {
                outbound.close();
            }
        }
    }
}
