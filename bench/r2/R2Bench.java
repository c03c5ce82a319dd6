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
 * at a port offset. Sequential, one client. Not part of the test suite: run bench/r2/run.sh.
 */
public class R2Bench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int MIB = 1024 * 1024;

    interface Transfer {
        void put(String key, byte[] body) throws Exception;

        long get(String key) throws Exception;
    }

    record Row(String path, String op, int size, int count, double seconds, String failure) {
        double mbPerSecond() {
            return failure != null ? Double.NaN : (double) size * count / MIB / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("offset", "8200", "sizes", "4096,1048576,67108864",
                "seconds", "5", "repo", Path.of("").toAbsolutePath().toString()));
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int offset = Integer.parseInt(opt.get("offset"));
        double budget = Double.parseDouble(opt.get("seconds"));
        Path state = Files.createTempDirectory("r2-bench");
        LocalStack stack = LocalStack.builder().stateDir(state.resolve("stack")).repoDir(Path.of(opt.get("repo")))
                .portOffset(offset).components(EnumSet.of(Component.POSTGRES, Component.R2, Component.GATEWAY)).build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        stack.start();
        try {
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
            Path script = Files.createDirectories(state.resolve("scripts")).resolve("bench.js");
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

            MinioClient viaS3Api = MinioClient.builder().endpoint(stack.url(Component.R2)).region("auto")
                    .credentials(account, token).build();
            MinioClient floor = MinioClient.builder().endpoint(stack.url(Component.S3)).region("us-east-1")
                    .credentials(stack.credentials().s3AccessKey(), stack.credentials().s3SecretKey()).build();
            String floorBucket = "bench-floor";
            floor.makeBucket(MakeBucketArgs.builder().bucket(floorBucket).build());
            String workerBase = "http://127.0.0.1:" + (8787 + offset) + "/";

            Map<String, Transfer> paths = new LinkedHashMap<>();
            paths.put("S3Proxy (floor)", minio(floor, floorBucket));
            paths.put("S3 API", minio(viaS3Api, bucket));
            paths.put("worker binding", new Transfer() {
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
            });

            List<Row> rows = new ArrayList<>();
            for (String s : opt.get("sizes").split(",")) {
                int size = Integer.parseInt(s.trim());
                byte[] body = new byte[size];
                new Random(size).nextBytes(body);
                for (Map.Entry<String, Transfer> path : paths.entrySet()) {
                    rows.addAll(measure(path.getKey(), path.getValue(), body, budget));
                }
            }
            print(rows);
        } finally {
            stack.stop();
        }
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

    /** PUTs then GETs the body repeatedly for about {@code budget} seconds each (at least twice, one warm-up). */
    static List<Row> measure(String path, Transfer t, byte[] body, double budget) {
        List<Row> out = new ArrayList<>();
        String key = "bench/" + body.length;
        try {
            t.put(key, body); // warm-up
            int n = 0;
            long start = System.nanoTime();
            while (n < 2 || (System.nanoTime() - start) / 1e9 < budget) {
                t.put(key + "-" + (n % 4), body);
                n++;
            }
            out.add(new Row(path, "PUT", body.length, n, (System.nanoTime() - start) / 1e9, null));
            t.get(key);
            n = 0;
            start = System.nanoTime();
            while (n < 2 || (System.nanoTime() - start) / 1e9 < budget) {
                long got = t.get(key);
                if (got != body.length) {
                    throw new IllegalStateException("GET returned " + got + " bytes, not " + body.length);
                }
                n++;
            }
            out.add(new Row(path, "GET", body.length, n, (System.nanoTime() - start) / 1e9, null));
        } catch (Exception e) {
            out.add(new Row(path, "PUT/GET", body.length, 0, 0, e.toString()));
        }
        return out;
    }

    static void print(List<Row> rows) {
        System.out.printf("%n%-16s %-4s %10s %6s %10s %8s%n", "path", "op", "size", "count", "MB/s", "x floor");
        for (Row r : rows) {
            if (r.failure() != null) {
                System.out.printf("%-16s %-4s %10d FAILED: %s%n", r.path(), r.op(), r.size(), r.failure());
                continue;
            }
            Row floor = rows.stream().filter(f -> f.path().startsWith("S3Proxy") && f.op().equals(r.op())
                    && f.size() == r.size() && f.failure() == null).findFirst().orElse(null);
            String ratio = floor == null ? "-" : String.format("%.2f", r.mbPerSecond() / floor.mbPerSecond());
            System.out.printf("%-16s %-4s %10d %6d %10.1f %8s%n", r.path(), r.op(), r.size(), r.count(),
                    r.mbPerSecond(), ratio);
        }
    }
}
