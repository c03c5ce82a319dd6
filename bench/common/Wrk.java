package outpost.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives an HTTP path with wrk and {@code requests.lua}: keep-alive connections, one small C event loop, so the
 * load generator costs far less CPU per request than the server it measures (a java.net.http client thread per
 * connection topped out around 4,000 req/s here). Each measurement is preceded by a warm-up on the same path.
 */
public final class Wrk {
    private static final AtomicLong RUNS = new AtomicLong();
    private final String baseUrl;
    private final Path script;
    private final int threads;
    private final int seconds;
    private final int warmupSeconds;

    /**
     * @param baseUrl       scheme, host and port; paths come from the script
     * @param script        bench/common/requests.lua
     * @param threads       wrk threads (event loops); 1 leaves the most CPU to the servers on a small machine
     * @param seconds       length of each measurement
     * @param warmupSeconds length of the warm-up before it
     */
    public Wrk(String baseUrl, Path script, int threads, int seconds, int warmupSeconds) {
        this.baseUrl = baseUrl;
        this.script = script;
        this.threads = threads;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
    }

    /**
     * Warm-up, then one measurement of {@code connections} connections sending {@code method path} (with
     * {@code {n}}/{@code {r}} expanded as requests.lua describes). Fails when any answer is not 2xx/3xx.
     */
    public Stats measure(String name, int connections, String method, String path, String body, long randomMax,
                         String... headers) throws IOException, InterruptedException {
        if (warmupSeconds > 0) {
            run(connections, warmupSeconds, method, path, body, randomMax, headers);
        }
        Map<String, Long> r = run(connections, seconds, method, path, body, randomMax, headers);
        return new Stats(name, connections, r.get("requests"), r.get("duration_us") / 1e6, r.get("p50_us") * 1000,
                r.get("p99_us") * 1000);
    }

    private Map<String, Long> run(int connections, int duration, String method, String path, String body,
                                  long randomMax, String... headers) throws IOException, InterruptedException {
        // Each run numbers its {n} values from its own base: warm-up and measurement never reuse a key or id.
        long base = 1_000_000_000L * RUNS.incrementAndGet();
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + Math.min(threads, connections), "-c" + connections,
                "-d" + duration + "s", "--timeout", "10s", "-s", script.toString()));
        for (String h : headers) {
            cmd.add("-H");
            cmd.add(h);
        }
        cmd.addAll(List.of(baseUrl, "--", method, path, body == null ? "" : body, Long.toString(base),
                Long.toString(Math.max(1, randomMax))));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Map<String, Long> values = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3 && parts[0].equals("bench")) {
                values.put(parts[1], Long.parseLong(parts[2]));
            }
        }
        if (!values.containsKey("requests")) {
            throw new IllegalStateException("wrk printed no summary: " + out);
        }
        if (values.get("status_errors") > 0 || values.get("socket_errors") > 0 || values.get("requests") == 0) {
            throw new IllegalStateException(method + " " + path + ": " + values.get("status_errors")
                    + " non-2xx answers, " + values.get("socket_errors") + " socket errors of " + values.get("requests")
                    + " requests\n" + out);
        }
        return values;
    }
}
