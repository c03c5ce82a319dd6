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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * D1 benchmark (issue 7): point select by primary key and single-row insert, side by side, through
 * (a) a worker's env.DB over HTTP, (b) d1-service's REST API, (c) raw sqlite-jdbc on a WAL file (the floor).
 * Starts PostgreSQL + d1-service + gateway as processes (the same launcher as bin/outpost up) at a port offset.
 * Not part of the test suite: run bench/d1/run.sh.
 */
public class D1Bench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int ROWS = 10_000;

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
        Path state = Files.createTempDirectory("d1-bench");
        LocalStack stack = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of(opt.get("repo")))
                .portOffset(offset).components(EnumSet.of(Component.POSTGRES, Component.D1, Component.GATEWAY)).build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        stack.start();
        try {
            String account = stack.credentials().accountId();
            String token = stack.credentials().apiToken();
            String d1Base = stack.url(Component.D1) + "/client/v4/accounts/" + account + "/d1/database";
            JsonNode created = post(http, d1Base, token, "{\"name\":\"bench\"}");
            String dbId = created.path("result").path("uuid").asText();
            String queryUrl = d1Base + "/" + dbId + "/query";
            post(http, queryUrl, token, "{\"sql\":\"CREATE TABLE kv (id INTEGER PRIMARY KEY, v TEXT NOT NULL)\"}");
            post(http, queryUrl, token, "{\"sql\":\"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                    + ROWS + ") INSERT INTO kv SELECT i, 'value-' || i FROM n\"}");

            Path script = Files.createDirectories(state.resolve("scripts")).resolve("bench.js");
            Files.writeString(script, """
                    export default {
                      async fetch(request, env) {
                        const url = new URL(request.url);
                        const id = Number(url.searchParams.get('id'));
                        if (url.pathname === '/get') {
                          const row = await env.DB.prepare('SELECT v FROM kv WHERE id = ?').bind(id).first();
                          return new Response(row === null ? '' : row.v);
                        }
                        const r = await env.DB.prepare('INSERT INTO kv (id, v) VALUES (?, ?)').bind(id, 'x').run();
                        return new Response(String(r.meta.changes));
                      }
                    };""");
            WorkerBundle bundle = WorkerBundle.fromPath(script, null);
            ObjectNode metadata = JSON.createObjectNode();
            metadata.put("main_module", bundle.mainModule());
            metadata.put("compatibility_date", "2025-01-01");
            metadata.putArray("bindings").addObject().put("type", "d1").put("name", "DB").put("id", dbId);
            new ControlPlaneClient(stack.apiBaseUrl(), account, token, JSON).uploadScript("bench", bundle, metadata);
            String workerBase = "http://127.0.0.1:" + (8787 + offset);

            // (c) the floor: the same schema in a WAL file, synchronous=FULL (each commit durable, as D1 acknowledges)
            Path file = state.resolve("floor.sqlite");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE kv (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
                s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS
                        + ") INSERT INTO kv SELECT i, 'value-' || i FROM n");
            }
            ThreadLocal<Connection> jdbc = ThreadLocal.withInitial(() -> {
                try {
                    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA synchronous=FULL");
                        s.execute("PRAGMA busy_timeout=10000");
                    }
                    return c;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            AtomicLong nextId = new AtomicLong(1_000_000);
            Op workerSelect = i -> expect(http, get(workerBase + "/get?id=" + randomId(), "bench.localhost"));
            Op workerInsert = i -> expect(http, get(workerBase + "/put?id=" + nextId.incrementAndGet(), "bench.localhost"));
            Op restSelect = i -> expect(http, postRequest(queryUrl, token,
                    "{\"sql\":\"SELECT v FROM kv WHERE id = ?\",\"params\":[\"" + randomId() + "\"]}"));
            Op restInsert = i -> expect(http, postRequest(queryUrl, token,
                    "{\"sql\":\"INSERT INTO kv (id, v) VALUES (?, ?)\",\"params\":[\"" + nextId.incrementAndGet() + "\",\"x\"]}"));
            Op jdbcSelect = i -> {
                try (PreparedStatement p = jdbc.get().prepareStatement("SELECT v FROM kv WHERE id = ?")) {
                    p.setLong(1, randomId());
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        rs.getString(1);
                    }
                }
            };
            Op jdbcInsert = i -> {
                try (PreparedStatement p = jdbc.get().prepareStatement("INSERT INTO kv (id, v) VALUES (?, ?)")) {
                    p.setLong(1, nextId.incrementAndGet());
                    p.setString(2, "x");
                    p.executeUpdate();
                }
            };

            List<Stats> all = new ArrayList<>();
            for (int threads : threadCounts) {
                for (String kind : List.of("select", "insert")) {
                    Stats w = measure("worker " + kind, threads, ops, kind.equals("select") ? workerSelect : workerInsert);
                    Stats r = measure("rest   " + kind, threads, ops, kind.equals("select") ? restSelect : restInsert);
                    Stats j = measure("jdbc   " + kind, threads, ops, kind.equals("select") ? jdbcSelect : jdbcInsert);
                    all.addAll(List.of(w, r, j));
                    System.out.printf("%n%s, %d client thread(s), %d ops each path%n", kind, threads, ops);
                    System.out.printf("  %-16s %10s %10s %10s %14s%n", "path", "ops/s", "p50 ms", "p99 ms", "vs jdbc ops/s");
                    for (Stats s : List.of(w, r, j)) {
                        System.out.printf("  %-16s %10.0f %10.3f %10.3f %13.1f%%%n", s.name(), s.opsPerSecond(),
                                s.p50() / 1e6, s.p99() / 1e6, 100 * s.opsPerSecond() / j.opsPerSecond());
                    }
                    System.out.printf("  worker/rest throughput ratio: %.2f%n", w.opsPerSecond() / r.opsPerSecond());
                }
            }
        } finally {
            stack.stop();
        }
    }

    static long randomId() {
        return ThreadLocalRandom.current().nextLong(1, ROWS + 1);
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
