import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * R2 benchmark (issue 6): side by side in one run, PUT and GET throughput of 4 KiB, 1 MiB and 64 MiB objects through
 * (a) r2-service's S3 API (MinIO client, SigV4), (b) a worker's R2 binding (HTTP to the worker → gateway → gRPC →
 * r2-service → S3Proxy), and (c) S3Proxy directly (the same MinIO client) as the floor; MB/s and the ratio to the
 * floor. Starts PostgreSQL, S3Proxy, r2-service and the gateway as processes (the same launcher as bin/outpost up)
 * at a port offset. Sequential, one client; every path is warmed up first and measured in interleaved rounds, and
 * the CPU each process used per transfer is printed next to the MB/s. Not part of the test suite: run
 * bench/r2/run.sh.
 */
public class R2Bench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int MIB = 1024 * 1024;

    interface Transfer {
        void put(String key, byte[] body) throws Exception;

        long get(String key) throws Exception;
    }

    record Row(String path, String op, int size, int count, double seconds, String failure, long[] cpuNanos) {
        double mbPerSecond() {
            return failure != null ? Double.NaN : (double) size * count / MIB / seconds;
        }

        /** CPU milliseconds per transfer of process {@code i} of {@link #CPU}. */
        double cpuMsPerTransfer(int i) {
            return cpuNanos == null || count == 0 ? Double.NaN : cpuNanos[i] / 1e6 / count;
        }

        /** Read and write system calls per transfer of r2-service {@code i} of {@link #SYSCALLS_OF}. */
        double r2SyscallsPerTransfer(int i) {
            return cpuNanos == null || count == 0 ? Double.NaN : (double) cpuNanos[CPU.size() + i] / count;
        }

        /** CPU milliseconds per transfer of r2-service {@code i} of {@link #SYSCALLS_OF}, JIT compiler threads excluded. */
        double r2CpuMsWithoutJit(int i) {
            return cpuNanos == null || count == 0 ? Double.NaN
                    : cpuNanos[CPU.size() + SYSCALLS_OF.size() + i] / 1e6 / count;
        }
    }

    /**
     * Processes whose CPU time is counted per cell (from /proc, via ProcessHandle): what a transfer costs in each,
     * independent of how busy the rest of the machine is. The client is this JVM (its JIT and GC included).
     */
    static final List<String> CPU = new ArrayList<>(List.of("client", "S3Proxy", "r2", "gateway"));
    static final List<ProcessHandle> CPU_OF = new ArrayList<>();

    /**
     * r2-service processes whose system calls (reads + writes, /proc/<pid>/io) are also counted per cell: this
     * build's, and with --compare the baseline build's.
     */
    static final List<ProcessHandle> SYSCALLS_OF = new ArrayList<>();

    static long[] cpu() {
        int n = CPU_OF.size();
        int r = SYSCALLS_OF.size();
        long[] out = new long[n + 2 * r];
        for (int i = 0; i < n; i++) {
            out[i] = CPU_OF.get(i).info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        for (int i = 0; i < r; i++) {
            out[n + i] = syscalls(SYSCALLS_OF.get(i));
            out[n + r + i] = cpuWithoutJit(SYSCALLS_OF.get(i));
        }
        return out;
    }

    /**
     * CPU nanoseconds of a process's threads other than the JIT compilers' (/proc/<pid>/task/<tid>/stat, 10 ms
     * ticks): on the loaded box r2-service's C1/C2 threads still used about half its CPU minutes into a run, so the
     * total swings with how far compilation has got; this is the request handling's own share.
     */
    static long cpuWithoutJit(ProcessHandle p) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + p.pid() + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        continue;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    /** syscr + syscw of a process (Linux), 0 where /proc cannot tell. */
    static long syscalls(ProcessHandle p) {
        if (p == null) {
            return 0;
        }
        try {
            long n = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/io"))) {
                if (line.startsWith("syscr:") || line.startsWith("syscw:")) {
                    n += Long.parseLong(line.substring(6).trim());
                }
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long[] minus(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("offset", "8200", "sizes", "4096,1048576,67108864",
                "seconds", "5", "warmup", "30", "rounds", "3", "paths", "floor,s3,worker", "ops", "PUT,GET",
                "repo", Path.of("").toAbsolutePath().toString()));
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int offset = Integer.parseInt(opt.get("offset"));
        double budget = Double.parseDouble(opt.get("seconds"));
        double warmup = Double.parseDouble(opt.get("warmup"));
        int rounds = Math.max(1, Integer.parseInt(opt.get("rounds")));
        List<String> wanted = List.of(opt.get("paths").split(","));
        List<String> ops = List.of(opt.get("ops").split(","));
        Path state = Files.createTempDirectory("r2-bench");
        LocalStack stack = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of(opt.get("repo")))
                .portOffset(offset).components(EnumSet.of(Component.POSTGRES, Component.R2, Component.GATEWAY)).build();
        // --compare=DIR: a second stack (PostgreSQL, S3Proxy, r2-service; no gateway) from another build's jars at
        // offset + 25, measured as "S3 API (base)" in the same interleaved rounds: a before/after in one run.
        LocalStack base = opt.containsKey("compare") ? LocalStack.builder().stateDir(state.resolve("base"))
                .repoDir(Path.of(opt.get("compare"))).portOffset(offset + 25)
                .components(wanted.contains("worker") ? EnumSet.of(Component.POSTGRES, Component.R2, Component.GATEWAY)
                        : EnumSet.of(Component.POSTGRES, Component.R2)).build() : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        stack.start();
        if (base != null) {
            base.start();
        }
        try {
            CPU_OF.add(ProcessHandle.current());
            for (Component c : List.of(Component.S3, Component.R2, Component.GATEWAY)) {
                CPU_OF.add(stack.process(c).orElseThrow());
            }
            SYSCALLS_OF.add(stack.process(Component.R2).orElseThrow());
            if (base != null) {
                CPU.add("S3Proxy b");
                CPU_OF.add(base.process(Component.S3).orElseThrow());
                CPU.add("r2 base");
                CPU_OF.add(base.process(Component.R2).orElseThrow());
                SYSCALLS_OF.add(base.process(Component.R2).orElseThrow());
                if (wanted.contains("worker")) {
                    CPU.add("gateway b");
                    CPU_OF.add(base.process(Component.GATEWAY).orElseThrow());
                }
            }
            if (opt.containsKey("hold")) {
                System.out.printf("r2-service pid %d (S3 API %s)%s; holding %s s%n", stack.process(Component.R2)
                        .orElseThrow().pid(), stack.url(Component.R2), base == null ? "" : ", base r2-service pid "
                        + base.process(Component.R2).orElseThrow().pid() + " (" + base.url(Component.R2) + ")",
                        opt.get("hold"));
            }
            String account = stack.credentials().accountId();
            String token = stack.credentials().apiToken();
            String bucket = "bench";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(stack.url(Component.R2)
                            + "/client/v4/accounts/" + account + "/r2/buckets")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"" + bucket + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 200) {
                throw new IllegalStateException("bucket: " + created.statusCode() + " " + created.body());
            }
            deployWorker(state, stack, bucket);
            MinioClient viaS3Api = MinioClient.builder().endpoint(stack.url(Component.R2)).region("auto")
                    .credentials(account, token).build();
            MinioClient floor = MinioClient.builder().endpoint(stack.url(Component.S3)).region("us-east-1")
                    .credentials(stack.credentials().s3AccessKey(), stack.credentials().s3SecretKey()).build();
            String floorBucket = "bench-floor";
            floor.makeBucket(MakeBucketArgs.builder().bucket(floorBucket).build());
            String workerBase = "http://127.0.0.1:" + (8787 + offset) + "/";

            Map<String, Transfer> paths = new LinkedHashMap<>();
            // the floor is always measured: every ratio is against it, taken in the same rounds
            paths.put("S3Proxy (floor)", minio(floor, floorBucket));
            if (wanted.contains("s3")) {
                paths.put("S3 API", minio(viaS3Api, bucket));
            }
            if (base != null) {
                MinioClient baseS3 = baseClient(http, base, bucket); // creates the bucket there
                if (wanted.contains("s3")) {
                    paths.put("S3 API (base)", minio(baseS3, bucket));
                }
            }
            Transfer worker = worker(http, workerBase);
            if (wanted.contains("worker")) {
                paths.put("worker binding", worker);
                if (base != null) {
                    deployWorker(state, base, bucket);
                    paths.put("worker (base)", worker(http, "http://127.0.0.1:" + (8787 + offset + 25) + "/"));
                }
            }

            List<Row> rows = new ArrayList<>();
            for (String s : opt.get("sizes").split(",")) {
                int size = Integer.parseInt(s.trim());
                byte[] body = new byte[size];
                new Random(size).nextBytes(body);
                // Warm-up: every path (and the services behind it) runs the same transfers first, so the cells
                // measure compiled code rather than the JIT compiling it (r2-service's compiler threads used as much
                // CPU as its request threads for the first minute or two on the loaded dev box); the floor, measured
                // first, would otherwise also pay for warming S3Proxy and the client up for everyone.
                for (Map.Entry<String, Transfer> path : paths.entrySet()) {
                    measure(path.getKey(), path.getValue(), body, warmup / paths.size() / ops.size(), ops);
                }
                // Rounds interleave the paths, so a change in machine load hits all of them alike.
                Map<String, List<Row>> sums = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    for (Map.Entry<String, Transfer> path : paths.entrySet()) {
                        sums.computeIfAbsent(path.getKey(), k -> new ArrayList<>())
                                .addAll(measure(path.getKey(), path.getValue(), body, budget / rounds, ops));
                    }
                }
                sums.values().forEach(list -> rows.addAll(total(list)));
            }
            print(rows);
            if (opt.containsKey("hold")) {
                Thread.sleep((long) (Double.parseDouble(opt.get("hold")) * 1000));
            }
        } finally {
            stack.stop();
            if (base != null) {
                base.stop();
            }
        }
    }

    /** Deploys the bench worker (binding B → {@code bucket}) to a stack's control plane. */
    static void deployWorker(Path state, LocalStack stack, String bucket) throws Exception {
        String account = stack.credentials().accountId();
        String token = stack.credentials().apiToken();
            Path script = Files.createDirectories(state.resolve("scripts-" + stack.url(Component.R2).hashCode())).resolve("bench.js");
            Files.writeString(script, """
                    export default {
                      async fetch(request, env) {
                        const key = new URL(request.url).pathname.slice(1);
                        if (request.method === 'PUT') {
                          const o = await env.B.put(key, request.body);
                          return new Response(String(o.size));
                        }
                        const o = await env.B.get(key);
                        return o === null ? new Response('missing', { status: 404 }) : new Response(o.body);
                      }
                    };""");
            WorkerBundle bundle = WorkerBundle.fromPath(script, null);
            ObjectNode metadata = JSON.createObjectNode();
            metadata.put("main_module", bundle.mainModule());
            metadata.put("compatibility_date", "2025-01-01");
            metadata.putArray("bindings").addObject().put("type", "r2_bucket").put("name", "B").put("bucket_name", bucket);
            new ControlPlaneClient(stack.apiBaseUrl(), account, token, JSON).uploadScript("r2bench", bundle, metadata);

    }

    /** The baseline stack's S3 API client, after creating the bucket there through its REST API. */
    static MinioClient baseClient(HttpClient http, LocalStack base, String bucket) throws Exception {
        String account = base.credentials().accountId();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base.url(Component.R2)
                        + "/client/v4/accounts/" + account + "/r2/buckets"))
                .header("Authorization", "Bearer " + base.credentials().apiToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + bucket + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("base bucket: " + created.statusCode() + " " + created.body());
        }
        return MinioClient.builder().endpoint(base.url(Component.R2)).region("auto")
                .credentials(account, base.credentials().apiToken()).build();
    }

/** PUT and GET through the bench worker on a gateway's worker port. */
static Transfer worker(HttpClient http, String workerBase) {
    return new Transfer() {
            @Override
            public void put(String key, byte[] body) throws Exception {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(workerBase + key))
                        .header("Host", "r2bench.localhost").timeout(Duration.ofMinutes(5))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("PUT " + r.statusCode() + " " + r.body());
                }
            }

            @Override
            public long get(String key) throws Exception {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(workerBase + key))
                        .header("Host", "r2bench.localhost").timeout(Duration.ofMinutes(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    long n = in.transferTo(OutputStream.nullOutputStream());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("GET " + r.statusCode());
                    }
                    return n;
                }
            }
        };
    }

    static Transfer minio(MinioClient client, String bucket) {
        return new Transfer() {
            @Override
            public void put(String key, byte[] body) throws Exception {
                // one PUT (no multipart) for every size, as the binding does
                client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                        .stream(new ByteArrayInputStream(body), body.length, Math.max(body.length, 5L * MIB)).build());
            }

            @Override
            public long get(String key) throws Exception {
                try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                    return in.transferTo(OutputStream.nullOutputStream());
                }
            }
        };
    }

    /**
     * PUTs then GETs the body repeatedly for about {@code budget} seconds each (at least twice, after one PUT of the
     * key the GETs read), only the operations in {@code ops}; one row per operation with the CPU the processes used.
     */
    static List<Row> measure(String path, Transfer t, byte[] body, double budget, List<String> ops) {
        List<Row> out = new ArrayList<>();
        String key = "bench/" + body.length;
        try {
            t.put(key, body);
            if (ops.contains("PUT")) {
                int n = 0;
                long[] cpu = cpu();
                long start = System.nanoTime();
                while (n < 2 || (System.nanoTime() - start) / 1e9 < budget) {
                    t.put(key + "-" + (n % 4), body);
                    n++;
                }
                out.add(new Row(path, "PUT", body.length, n, (System.nanoTime() - start) / 1e9, null, minus(cpu(), cpu)));
            }
            if (ops.contains("GET")) {
                t.get(key);
                int n = 0;
                long[] cpu = cpu();
                long start = System.nanoTime();
                while (n < 2 || (System.nanoTime() - start) / 1e9 < budget) {
                    long got = t.get(key);
                    if (got != body.length) {
                        throw new IllegalStateException("GET returned " + got + " bytes, not " + body.length);
                    }
                    n++;
                }
                out.add(new Row(path, "GET", body.length, n, (System.nanoTime() - start) / 1e9, null, minus(cpu(), cpu)));
            }
        } catch (Exception e) {
            out.add(new Row(path, "PUT/GET", body.length, 0, 0, e.toString(), null));
        }
        return out;
    }

    /** The rounds of one path and size added up per operation (a failure in any round fails the cell). */
    static List<Row> total(List<Row> rounds) {
        Map<String, Row> byOp = new LinkedHashMap<>();
        for (Row r : rounds) {
            byOp.merge(r.op(), r, (a, b) -> a.failure() != null ? a : b.failure() != null ? b
                    : new Row(a.path(), a.op(), a.size(), a.count() + b.count(), a.seconds() + b.seconds(), null,
                    sum(a.cpuNanos(), b.cpuNanos())));
        }
        return new ArrayList<>(byOp.values());
    }

    static long[] sum(long[] a, long[] b) {
        return minus(a, minus(new long[b.length], b));
    }

    static void print(List<Row> rows) {
        System.out.printf("%n%-16s %-4s %10s %6s %10s %8s", "path", "op", "size", "count", "MB/s", "x floor");
        CPU.forEach(p -> System.out.printf(" %10s", p + " ms"));
        System.out.printf(" %10s", "r2 sys");
        if (SYSCALLS_OF.size() > 1) {
            System.out.printf(" %10s", "base sys");
        }
        System.out.printf(" %10s", "r2 -jit");
        if (SYSCALLS_OF.size() > 1) {
            System.out.printf(" %10s", "base -jit");
        }
        System.out.printf("  (CPU ms per transfer; r2-service's read+write system calls; r2-service's CPU ms without"
                + " JIT compiler threads)%n");
        for (Row r : rows) {
            if (r.failure() != null) {
                System.out.printf("%-16s %-4s %10d FAILED: %s%n", r.path(), r.op(), r.size(), r.failure());
                continue;
            }
            Row floor = rows.stream().filter(f -> f.path().startsWith("S3Proxy") && f.op().equals(r.op())
                    && f.size() == r.size() && f.failure() == null).findFirst().orElse(null);
            String ratio = floor == null ? "-" : String.format("%.2f", r.mbPerSecond() / floor.mbPerSecond());
            System.out.printf("%-16s %-4s %10d %6d %10.1f %8s", r.path(), r.op(), r.size(), r.count(),
                    r.mbPerSecond(), ratio);
            for (int i = 0; i < CPU.size(); i++) {
                System.out.printf(" %10.2f", r.cpuMsPerTransfer(i));
            }
            for (int i = 0; i < SYSCALLS_OF.size(); i++) {
                System.out.printf(" %10.1f", r.r2SyscallsPerTransfer(i));
            }
            for (int i = 0; i < SYSCALLS_OF.size(); i++) {
                System.out.printf(" %10.2f", r.r2CpuMsWithoutJit(i));
            }
            System.out.println();
        }
    }
}
