import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;

/**
 * KV benchmark (issue 5): side by side in one run, through a worker over HTTP — a request that makes no KV call
 * (baseline), env.KV.get of a hot key (near-cache hit in the gateway), env.KV.get of a key never read before
 * (miss: gateway → kv-service over gRPC → Infinispan), env.KV.put — and raw embedded-Infinispan get/put on a
 * persistent (SoftIndexFileStore) cache as the floor. Starts PostgreSQL + kv-service + gateway as processes (the
 * same launcher as bin/outpost up) at a port offset. Not part of the test suite: run bench/kv/run.sh.
 */
public class KvBench {
    static final ObjectMapper JSON = new ObjectMapper();

    interface Op {
        void run(long i) throws Exception;
    }

    record Stats(String name, int threads, long ops, double seconds, long p50, long p99) {
        double opsPerSecond() {
            return ops / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("ops", "5000", "threads", "1,8", "offset", "5000",
                "repo", Path.of("").toAbsolutePath().toString()));
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int ops = Integer.parseInt(opt.get("ops"));
        int[] threadCounts = Arrays.stream(opt.get("threads").split(",")).mapToInt(Integer::parseInt).toArray();
        int offset = Integer.parseInt(opt.get("offset"));
        Path state = Files.createTempDirectory("kv-bench");
        LocalStack stack = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of(opt.get("repo")))
                .portOffset(offset).components(EnumSet.of(Component.POSTGRES, Component.KV, Component.GATEWAY)).build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        stack.start();
        DefaultCacheManager floorManager = null;
        try {
            String account = stack.credentials().accountId();
            String token = stack.credentials().apiToken();
            String kvBase = stack.url(Component.KV) + "/client/v4/accounts/" + account + "/storage/kv/namespaces";
            String nsId = post(http, kvBase, token, "{\"title\":\"bench\"}").path("result").path("id").asText();

            Path script = Files.createDirectories(state.resolve("scripts")).resolve("bench.js");
            Files.writeString(script, """
                    export default {
                      async fetch(request, env) {
                        const url = new URL(request.url);
                        const k = url.searchParams.get('k');
                        if (url.pathname === '/noop') return new Response('ok');
                        if (url.pathname === '/put') { await env.KV.put(k, 'value-' + k); return new Response('ok'); }
                        const v = await env.KV.get(k);
                        return new Response(v === null ? '' : v);
                      }
                    };""");
            WorkerBundle bundle = WorkerBundle.fromPath(script, null);
            ObjectNode metadata = JSON.createObjectNode();
            metadata.put("main_module", bundle.mainModule());
            metadata.put("compatibility_date", "2025-01-01");
            metadata.putArray("bindings").addObject().put("type", "kv_namespace").put("name", "KV").put("namespace_id", nsId);
            new ControlPlaneClient(stack.apiBaseUrl(), account, token, JSON).uploadScript("bench", bundle, metadata);
            String workerBase = "http://127.0.0.1:" + (8787 + offset);
            expect(http, get(workerBase + "/put?k=hot", "bench.localhost"));

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
            Op noop = i -> expect(http, get(workerBase + "/noop", "bench.localhost"));
            Op hit = i -> expect(http, get(workerBase + "/get?k=hot", "bench.localhost"));
            Op miss = i -> expect(http, get(workerBase + "/get?k=miss-" + next.incrementAndGet(), "bench.localhost"));
            Op put = i -> expect(http, get(workerBase + "/put?k=put-" + next.incrementAndGet(), "bench.localhost"));
            Op rawGet = i -> floor.get("hot");
            Op rawPut = i -> floor.put("put-" + next.incrementAndGet(), "value");

            for (int threads : threadCounts) {
                List<Stats> rows = new ArrayList<>();
                rows.add(measure("worker no KV call", threads, ops, noop));
                rows.add(measure("worker get (hit)", threads, ops, hit));
                rows.add(measure("worker get (miss)", threads, ops, miss));
                rows.add(measure("worker put", threads, ops, put));
                rows.add(measure("infinispan get", threads, ops * 10, rawGet));
                rows.add(measure("infinispan put", threads, ops * 10, rawPut));
                System.out.printf("%n%d client thread(s), %d ops per worker path%n", threads, ops);
                System.out.printf("  %-20s %10s %10s %10s%n", "path", "ops/s", "p50 ms", "p99 ms");
                for (Stats s : rows) {
                    System.out.printf("  %-20s %10.0f %10.3f %10.3f%n", s.name(), s.opsPerSecond(), s.p50() / 1e6, s.p99() / 1e6);
                }
                Stats base = rows.get(0);
                System.out.printf("  overhead: hit/no-KV p50 %.2fx (throughput %.1f%% of no-KV), miss/no-KV p50 %.2fx,"
                                + " worker put vs infinispan put throughput %.3f, worker get miss vs infinispan get p50 %.0fx%n",
                        (double) rows.get(1).p50() / base.p50(), 100 * rows.get(1).opsPerSecond() / base.opsPerSecond(),
                        (double) rows.get(2).p50() / base.p50(),
                        rows.get(3).opsPerSecond() / rows.get(5).opsPerSecond(),
                        (double) rows.get(2).p50() / Math.max(1, rows.get(4).p50()));
            }
        } finally {
            if (floorManager != null) {
                floorManager.stop();
            }
            stack.stop();
        }
    }

    /** Warm-up (ops/5, at least 200), then {@code ops} operations spread over {@code threads} threads. */
    static Stats measure(String name, int threads, int ops, Op op) throws Exception {
        run(threads, Math.max(200, ops / 5), op);
        long[] latencies = new long[ops];
        long started = System.nanoTime();
        run(threads, ops, i -> {
            long t0 = System.nanoTime();
            op.run(i);
            latencies[(int) i] = System.nanoTime() - t0;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new Stats(name, threads, ops, seconds, latencies[ops / 2], latencies[(int) Math.min(ops - 1, ops * 0.99)]);
    }

    static void run(int threads, int ops, Op op) throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < ops) {
                        op.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static HttpRequest get(String url, String host) {
        return HttpRequest.newBuilder(URI.create(url)).header("Host", host).timeout(Duration.ofSeconds(30)).GET().build();
    }

    static HttpRequest postRequest(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static JsonNode post(HttpClient http, String url, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(postRequest(url, token, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static void expect(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " -> " + r.statusCode() + " " + r.body());
        }
    }
}
