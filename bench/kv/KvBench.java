import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.GetResponse;
import dev.outpost.contracts.kv.v1.KvServiceGrpc;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import dev.outpost.contracts.kv.v1.PutResponse;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import outpost.bench.Http;
import outpost.bench.InProcess;
import outpost.bench.Report;
import outpost.bench.StateDir;
import outpost.bench.Stats;
import outpost.bench.Wrk;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;

/**
 * KV benchmark (issue 5), side by side in one run:
 * <ul>
 *   <li>through a worker over HTTP, driven by wrk (bench/common/requests.lua): a request that makes no KV call
 *       (baseline), env.KV.get of a hot key (near-cache hit in the gateway), env.KV.get of a key never read before
 *       (miss: gateway → kv-service over gRPC → Infinispan), env.KV.put of a new key;</li>
 *   <li>kv-service's gRPC API directly (Put / Get of a missing key) with many calls in flight — the "per node"
 *       figure of the put target;</li>
 *   <li>raw embedded Infinispan get/put on a persistent (SoftIndexFileStore) cache in this JVM (the floor).</li>
 * </ul>
 * Starts PostgreSQL + kv-service + gateway as processes (the same launcher as bin/outpost up) at a port offset.
 * Not part of the test suite: run bench/kv/run.sh.
 */
public class KvBench {
    /** kv-service's process CPU time so far (ns), for the CPU per operation of the direct gRPC rows. */
    static LongSupplier kvCpuNanos = () -> 0L;
    /**
     * kv-service's write-type system calls so far ({@code syscw} of {@code /proc/<pid>/io}: socket writes/writevs
     * and store file writes), for the writes per gRPC call: how many flushes an answer costs.
     */
    static LongSupplier kvWriteSyscalls = () -> 0L;
    /**
     * Voluntary context switches of all threads of the gateway / kv-service so far: how often their threads went to
     * sleep and had to be woken, per request a structural count that the machine's load does not change much.
     */
    static LongSupplier gatewayWakeups = () -> 0L;
    static LongSupplier kvWakeups = () -> 0L;
    /** The gateway's process CPU time so far (ns), for the CPU per request of the worker rows. */
    static LongSupplier gatewayCpuNanos = () -> 0L;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = Http.options(args, Map.ofEntries(Map.entry("seconds", "5"), Map.entry("warmup", "15"),
                Map.entry("connections", "1,16"), Map.entry("wrk-threads", "1"), Map.entry("grpc-inflight", "64"),
                Map.entry("grpc-connections", "1"), Map.entry("grpc-port", "0"),
                Map.entry("offset", "10800"), Map.entry("parts", "worker,grpc"), Map.entry("kv-property", ""),
                Map.entry("gateway-property", ""),
                Map.entry("repo", Path.of("").toAbsolutePath().toString()),
                Map.entry("script", "bench/common/requests.lua"), Map.entry("hold", "0")));
        int seconds = Integer.parseInt(opt.get("seconds"));
        int warmup = Integer.parseInt(opt.get("warmup"));
        int[] connectionCounts = Arrays.stream(opt.get("connections").split(",")).mapToInt(Integer::parseInt).toArray();
        int inflight = Integer.parseInt(opt.get("grpc-inflight"));
        int grpcConnections = Integer.parseInt(opt.get("grpc-connections"));
        int offset = Integer.parseInt(opt.get("offset"));
        List<String> parts = List.of(opt.get("parts").split(","));
        Path state = Files.createTempDirectory("kv-bench");
        LocalStack.Builder builder = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of(opt.get("repo")))
                .portOffset(offset).components(EnumSet.of(Component.POSTGRES, Component.KV, Component.GATEWAY));
        // --kv-property=key=value;key=value: kv-service settings for this run (e.g. outpost.kv.write.max-batch-writes=1)
        for (String kv : opt.get("kv-property").split(";")) {
            if (!kv.isBlank()) {
                builder.systemProperty(Component.KV, kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        // --gateway-property=key=value;...: gateway settings (e.g. quarkus.grpc.clients.kv.port with --grpc-port)
        for (String kv : opt.get("gateway-property").split(";")) {
            if (!kv.isBlank()) {
                builder.systemProperty(Component.GATEWAY, kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        LocalStack stack = builder.build();
        stack.start();
        kvCpuNanos = () -> stack.process(Component.KV).flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos()).orElse(0L);
        gatewayWakeups = () -> stack.process(Component.GATEWAY).map(p -> wakeups(p.pid())).orElse(0L);
        kvWakeups = () -> stack.process(Component.KV).map(p -> wakeups(p.pid())).orElse(0L);
        kvWriteSyscalls = () -> stack.process(Component.KV).map(p -> syscw(p.pid())).orElse(0L);
        gatewayCpuNanos = () -> stack.process(Component.GATEWAY).flatMap(p -> p.info().totalCpuDuration())
                .map(d -> d.toNanos()).orElse(0L);
        DefaultCacheManager floorManager = null;
        List<ManagedChannel> channels = new ArrayList<>();
        try {
            String account = stack.credentials().accountId();
            String token = stack.credentials().apiToken();
            String kvBase = stack.url(Component.KV) + "/client/v4/accounts/" + account + "/storage/kv/namespaces";
            String nsId = Http.post(kvBase, token, "{\"title\":\"bench\"}").path("result").path("id").asText();

            Path script = Files.createDirectories(state.resolve("scripts")).resolve("bench.js");
            Files.writeString(script, """
                    export default {
                      async fetch(request, env) {
                        const url = new URL(request.url);
                        const k = url.searchParams.get('k');
                        if (url.pathname === '/noop') return new Response('ok');
                        if (url.pathname === '/put') { await env.KV.put(k, 'value-' + k); return new Response('ok'); }
                        const v = await env.KV.get(k);
                        if (url.pathname === '/hit' && v === null) return new Response('hot key missing', { status: 500 });
                        if (url.pathname === '/miss' && v !== null) return new Response('unexpected value', { status: 500 });
                        return new Response(v === null ? '' : v);
                      }
                    };""");
            WorkerBundle bundle = WorkerBundle.fromPath(script, null);
            ObjectNode metadata = Http.JSON.createObjectNode();
            metadata.put("main_module", bundle.mainModule());
            metadata.put("compatibility_date", "2025-01-01");
            metadata.putArray("bindings").addObject().put("type", "kv_namespace").put("name", "KV").put("namespace_id", nsId);
            new ControlPlaneClient(stack.apiBaseUrl(), account, token, Http.JSON).uploadScript("bench", bundle, metadata);
            String workerBase = "http://127.0.0.1:" + (8787 + offset);
            Http.getWorker(workerBase + "/put?k=hot", "bench.localhost");
            if (Integer.parseInt(opt.get("hold")) > 0) {
                // For profiling by hand (JFR, wrk with other settings): keep the stack up, measure nothing.
                System.out.printf("holding %s s: worker %s (Host bench.localhost; /noop, /hit?k=hot, /miss?k=..., "
                        + "/put?k=...), state %s%n", opt.get("hold"), workerBase, state);
                Thread.sleep(Integer.parseInt(opt.get("hold")) * 1000L);
                return;
            }

            // kv-service's gRPC API on its HTTP port (one port for REST and gRPC), as the gateway calls it;
            // --grpc-connections=N spreads the calls in flight over N HTTP/2 connections (N gateways, say)
            URI kvUri = URI.create(stack.url(Component.KV));
            KvServiceGrpc.KvServiceStub[] stubs = new KvServiceGrpc.KvServiceStub[grpcConnections];
            for (int i = 0; i < grpcConnections; i++) {
                // --grpc-port: a separate gRPC server's port (quarkus.grpc.server.use-separate-server=true, set with
                // --kv-property together with quarkus.grpc.server.port); only the direct gRPC rows can use it
                int port = Integer.parseInt(opt.get("grpc-port"));
                ManagedChannel channel = NettyChannelBuilder.forAddress(kvUri.getHost(), port > 0 ? port : kvUri.getPort())
                        .usePlaintext().build();
                channels.add(channel);
                stubs[i] = KvServiceGrpc.newStub(channel);
            }
            LongFunction<KvServiceGrpc.KvServiceStub> grpcOf = i -> stubs[(int) (i % stubs.length)];
            NamespaceRef ns = NamespaceRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(account)
                    .setScriptName("kv-bench")).setNamespaceId(nsId).build();
            ByteString value = ByteString.copyFromUtf8("value-0123456789");

            // the floor: embedded Infinispan, local cache with the same kind of persistent store as kv-service
            GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
            global.globalState().enable().persistentLocation(state.resolve("floor").toString());
            floorManager = new DefaultCacheManager(global.build());
            ConfigurationBuilder cfg = new ConfigurationBuilder();
            cfg.persistence().addSoftIndexFileStore().dataLocation(state.resolve("floor/data").toString())
                    .indexLocation(state.resolve("floor/index").toString());
            floorManager.defineConfiguration("floor", cfg.build());
            Cache<String, String> floor = floorManager.getCache("floor");
            floor.put("hot", "value-hot");
            AtomicLong next = new AtomicLong();

            // warm-up and measurement as separate wrk runs, so the CPU of the services is counted over the measurement
            Wrk warm = new Wrk(workerBase, Path.of(opt.get("script")), Integer.parseInt(opt.get("wrk-threads")),
                    warmup, 0);
            Wrk measured = new Wrk(workerBase, Path.of(opt.get("script")), Integer.parseInt(opt.get("wrk-threads")),
                    seconds, 0);
            WorkerPath wrk = (name, c, path, host) -> {
                if (warmup > 0) {
                    warm.measure(name, c, "GET", path, null, 1, host);
                }
                long gw0 = gatewayCpuNanos.getAsLong();
                long kv0 = kvCpuNanos.getAsLong();
                long gwWakeups0 = gatewayWakeups.getAsLong();
                long kvWakeups0 = kvWakeups.getAsLong();
                Stats stats = measured.measure(name, c, "GET", path, null, 1, host);
                double requests = Math.max(1, stats.ops());
                System.out.printf("  %-24s %4d conn: per request gateway CPU %.1f µs, %.2f thread wake-ups;"
                                + " kv-service CPU %.1f µs, %.2f wake-ups%n", name, c,
                        (gatewayCpuNanos.getAsLong() - gw0) / 1e3 / requests,
                        (gatewayWakeups.getAsLong() - gwWakeups0) / requests,
                        (kvCpuNanos.getAsLong() - kv0) / 1e3 / requests, (kvWakeups.getAsLong() - kvWakeups0) / requests);
                return stats;
            };
            String host = "Host: bench.localhost";
            System.out.printf("KV bench: wrk -t%s, %d s per path after %d s warm-up, %d cores%n",
                    opt.get("wrk-threads"), seconds, warmup, Runtime.getRuntime().availableProcessors());
            for (int c : parts.contains("worker") ? connectionCounts : new int[0]) {
                List<Stats> rows = new ArrayList<>();
                Stats noop = wrk.measure("worker no KV call", c, "/noop", host);
                Stats hit = wrk.measure("worker get (hit)", c, "/hit?k=hot", host);
                Stats miss = wrk.measure("worker get (miss)", c, "/miss?k=miss-{n}", host);
                Stats put = wrk.measure("worker put", c, "/put?k=put-{n}", host);
                Stats rawGet = InProcess.measure("infinispan get", c, warmup, seconds, i -> floor.get("hot"));
                Stats rawPut = InProcess.measure("infinispan put", c, warmup, seconds,
                        i -> floor.put("put-" + next.incrementAndGet(), "value"));
                rows.addAll(List.of(noop, hit, miss, put, rawGet, rawPut));
                Report.table(c + " connection(s) / floor threads", rows, noop);
                System.out.printf("  hit vs no-KV: throughput %.1f%%, p50 %.2fx; miss vs no-KV p50 %.2fx;"
                                + " worker put vs infinispan put throughput %.3fx%n",
                        100 * hit.opsPerSecond() / noop.opsPerSecond(), hit.p50Ms() / noop.p50Ms(),
                        miss.p50Ms() / noop.p50Ms(), put.opsPerSecond() / rawPut.opsPerSecond());
            }

            // the per-node put target: kv-service's gRPC API directly, many calls in flight on one HTTP/2 connection
            List<Stats> direct = new ArrayList<>();
            for (int c : parts.contains("grpc") ? new int[] {1, inflight} : new int[0]) {
                direct.add(KvBench.<PutResponse>async("grpc put", c, warmup, seconds, i -> done -> grpcOf.apply(i).put(PutRequest.newBuilder().setNs(ns)
                        .setKey("direct-" + next.incrementAndGet()).setValue(value).build(), done)));
                // Keys spread over the key space: they fall into different index chunks (256 keys each), so puts
                // do not all queue on the lock of the one chunk that sequential keys share.
                direct.add(KvBench.<PutResponse>async("grpc put (spread keys)", c, warmup, seconds, i -> done -> grpcOf.apply(i).put(
                        PutRequest.newBuilder().setNs(ns).setKey(spread(next.incrementAndGet())).setValue(value).build(),
                        done)));
                direct.add(KvBench.<GetResponse>async("grpc get (missing key)", c, warmup, seconds, i -> done -> grpcOf.apply(i).get(GetRequest.newBuilder()
                        .setNs(ns).setKey("absent-" + next.incrementAndGet()).build(), done)));
            }
            Stats rawPut = InProcess.measure("infinispan put", 2, warmup, seconds,
                    i -> floor.put("put-" + next.incrementAndGet(), "value"));
            direct.add(rawPut);
            Report.table("kv-service gRPC directly (one node; conc = calls in flight) vs raw Infinispan put (2 threads)",
                    direct, rawPut);
        } finally {
            for (ManagedChannel channel : channels) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            if (floorManager != null) {
                floorManager.stop();
            }
            stack.stop();
            StateDir.delete(state);
        }
    }

    /** Sum of {@code voluntary_ctxt_switches} over {@code /proc/<pid>/task/}{@code *}{@code /status} (0 off Linux). */
    static long wakeups(long pid) {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(24).trim());
                        }
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return sum;
    }

    /** {@code syscw} of {@code /proc/<pid>/io} (0 where there is no such file). */
    static long syscw(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
                if (line.startsWith("syscw:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    /** A key whose leading characters are a hash of {@code n}: consecutive numbers land far apart in key order. */
    static String spread(long n) {
        return String.format("%08x-%d", Long.hashCode(n * 0x9E3779B97F4A7C15L), n);
    }

    /** One worker path measured with wrk (warm-up, then the measurement with the services' CPU per request). */
    interface WorkerPath {
        Stats measure(String name, int connections, String path, String host) throws Exception;
    }

    /** One asynchronous gRPC call, completing the observer it is given. */
    interface Call<T> {
        void start(StreamObserver<T> done);
    }

    /**
     * Keeps {@code inflight} calls outstanding for {@code seconds} (after a warm-up), from one thread: the client
     * costs little CPU, so the figure is kv-service's.
     */
    static <T> Stats async(String name, int inflight, int warmupSeconds, int seconds, LongFunction<Call<T>> call)
            throws Exception {
        runAsync(inflight, warmupSeconds, call);
        long started = System.nanoTime();
        long cpu0 = kvCpuNanos.getAsLong();
        long writes0 = kvWriteSyscalls.getAsLong();
        long[] latencies = runAsync(inflight, seconds, call);
        double took = (System.nanoTime() - started) / 1e9;
        long cpu = kvCpuNanos.getAsLong() - cpu0;
        int calls = Math.max(1, latencies.length);
        System.out.printf("  %-24s %4d in flight: kv-service CPU %.1f µs per call (%.0f%% of one core), %.2f write"
                        + " syscalls per call%n", name, inflight, cpu / 1e3 / calls, 100.0 * cpu / 1e9 / took,
                (kvWriteSyscalls.getAsLong() - writes0) / (double) calls);
        return InProcess.of(name, inflight, latencies, took);
    }

    static <T> long[] runAsync(int inflight, int seconds, LongFunction<Call<T>> call) throws Exception {
        Semaphore slots = new Semaphore(inflight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[][] latencies = {new long[1 << 16]};
        AtomicLong count = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (long i = 0; System.nanoTime() < deadline && failure.get() == null; i++) {
            slots.acquire();
            long t0 = System.nanoTime();
            call.apply(i).start(new StreamObserver<>() {
                @Override
                public void onNext(T value) {
                }

                @Override
                public void onError(Throwable t) {
                    failure.compareAndSet(null, t);
                    slots.release();
                }

                @Override
                public void onCompleted() {
                    long took = System.nanoTime() - t0;
                    synchronized (latencies) {
                        int n = (int) count.getAndIncrement();
                        if (n == latencies[0].length) {
                            latencies[0] = Arrays.copyOf(latencies[0], n * 2);
                        }
                        latencies[0][n] = took;
                    }
                    slots.release();
                }
            });
        }
        slots.acquire(inflight);
        if (failure.get() != null) {
            throw new IllegalStateException("gRPC call failed", failure.get());
        }
        synchronized (latencies) {
            return Arrays.copyOf(latencies[0], (int) count.get());
        }
    }
}
