package outpost.bench;

import java.util.List;

/** Prints measured paths as one table: ops/s, p50/p99 and throughput relative to a reference row. */
public final class Report {
    private Report() {
    }

    public static void table(String title, List<Stats> rows, Stats reference) {
        System.out.printf("%n%s (load average %s)%n", title, loadAverage());
        System.out.printf("  %-24s %5s %10s %9s %9s %12s%n", "path", "conc", "ops/s", "p50 ms", "p99 ms",
                reference == null ? "" : "vs " + reference.name().trim());
        for (Stats s : rows) {
            String ratio = reference == null ? "" : String.format("%.3fx", s.opsPerSecond() / reference.opsPerSecond());
            System.out.printf("  %-24s %5d %10.0f %9.3f %9.3f %12s%n", s.name(), s.concurrency(), s.opsPerSecond(),
                    s.p50Ms(), s.p99Ms(), ratio);
        }
        System.out.flush();
    }

    /** The 1-minute load average at print time: other work on the machine shows in every figure. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
