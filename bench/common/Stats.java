package outpost.bench;

/** One measured path: how many operations in how long, and the latency percentiles (nanoseconds). */
public record Stats(String name, int concurrency, long ops, double seconds, long p50, long p99) {
    public double opsPerSecond() {
        return ops / seconds;
    }

    public double p50Ms() {
        return p50 / 1e6;
    }

    public double p99Ms() {
        return p99 / 1e6;
    }
}
