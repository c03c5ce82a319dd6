package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line client no one here wrote (s3cmd, rclone, python3 with boto3, node), found on this machine and run
 * as a process with a clean environment. A missing client skips the test when run alone, but fails it under
 * {@code bin/outpost test}, which installs every client first and sets {@code OUTPOST_REQUIRE_TEST_TOOLS=1}: the
 * suite never passes by skipping.
 */
final class ExternalClient {
    static final String REQUIRE_ENV = "OUTPOST_REQUIRE_TEST_TOOLS";

    /** Output of one run. */
    record Run(int exit, String out, String err) {
        Run expectSuccess(String what) {
            if (exit != 0) {
                fail(what + " exited with " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err);
            }
            return this;
        }
    }

    private ExternalClient() {
    }

    /** The first of {@code candidates} (absolute paths or names looked up on PATH) that is usable, else skip or fail. */
    static String require(String what, Predicate<String> usable, String... candidates) {
        for (String c : candidates) {
            String found = c.startsWith("/") ? (new File(c).canExecute() ? c : null) : onPath(c);
            if (found != null && usable.test(found)) {
                return found;
            }
        }
        String message = what + " is not installed (bin/outpost test installs it with apt-get/npm)";
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            fail(message + "; " + REQUIRE_ENV + "=1 forbids skipping");
        }
        Assumptions.abort(message);
        return null;
    }

    static String require(String what, String... candidates) {
        return require(what, path -> true, candidates);
    }

    private static String onPath(String name) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            File candidate = new File(dir.isEmpty() ? "." : dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }

    /** Does {@code command} exit with 0 (within 60 s)? */
    static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code command} in {@code dir} with only PATH, HOME (= dir) and {@code env}: no AWS_* settings of the
     * machine (profiles, CA bundles, endpoints) leak into the clients.
     */
    static Run run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        Map<String, String> e = pb.environment();
        String path = e.get("PATH");
        e.clear();
        e.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        e.put("HOME", dir.toString());
        e.put("LANG", "C.UTF-8");
        e.putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(command + " did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
