package dev.outpost.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-request and per-isolate resource limits (checklist RT-13).
 *
 * @param cpuPerRequest  JavaScript execution time one request may use; past it the request gets a 503
 * @param wallPerRequest time a request may take until its response; past it the request gets a 500
 * @param heapBytes      V8 heap budget of one isolate; past it the isolate is replaced
 * @param subrequests    outbound fetches (each redirect hop counts) one request may make;
 *                       past it they throw {@code Error: Too many subrequests.}
 * @param bindingOperations calls to Cloudflare-style services (KV, D1) one request may make (RT-13, KV-8, D1-11:
 *                       1,000 on every plan, apart from the fetch budget); past it they reject with
 *                       {@code Error: Too many API requests by single worker invocation.}
 */
public record RuntimeLimits(Duration cpuPerRequest, Duration wallPerRequest, long heapBytes, int subrequests,
                            int bindingOperations) {
    /**
     * Cloudflare's paid-plan subrequest limit (RT-13: 10,000; free plan 50), the default: the other defaults (30 s
     * CPU) are the paid plan's too, and workers written for it must not fail at their 51st fetch here.
     */
    public static final int DEFAULT_SUBREQUESTS = 10_000;
    /** KV-8/D1-11: Cloudflare's limit of KV operations and D1 queries per invocation. */
    public static final int DEFAULT_BINDING_OPERATIONS = 1000;

    public RuntimeLimits(Duration cpuPerRequest, Duration wallPerRequest, long heapBytes) {
        this(cpuPerRequest, wallPerRequest, heapBytes, DEFAULT_SUBREQUESTS);
    }

    public RuntimeLimits(Duration cpuPerRequest, Duration wallPerRequest, long heapBytes, int subrequests) {
        this(cpuPerRequest, wallPerRequest, heapBytes, subrequests, DEFAULT_BINDING_OPERATIONS);
    }

    public RuntimeLimits {
        if (subrequests <= 0) {
            throw new IllegalArgumentException("subrequests must be positive");
        }
        if (bindingOperations <= 0) {
            throw new IllegalArgumentException("bindingOperations must be positive");
        }
        Objects.requireNonNull(cpuPerRequest, "cpuPerRequest");
        Objects.requireNonNull(wallPerRequest, "wallPerRequest");
        if (cpuPerRequest.isNegative() || cpuPerRequest.isZero() || wallPerRequest.isNegative() || wallPerRequest.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (heapBytes <= 0) {
            throw new IllegalArgumentException("heapBytes must be positive");
        }
    }

    /** The same limits with another subrequest limit. */
    public RuntimeLimits withSubrequests(int limit) {
        return new RuntimeLimits(cpuPerRequest, wallPerRequest, heapBytes, limit, bindingOperations);
    }

    /** The same limits with another limit of binding operations (KV, D1) per request. */
    public RuntimeLimits withBindingOperations(int limit) {
        return new RuntimeLimits(cpuPerRequest, wallPerRequest, heapBytes, subrequests, limit);
    }

    /** Cloudflare's paid-plan defaults: 30 s CPU, 60 s wall, 128 MB heap; 10,000 subrequests, 1,000 binding operations. */
    public static RuntimeLimits defaults() {
        return new RuntimeLimits(Duration.ofSeconds(30), Duration.ofSeconds(60), 128L * 1024 * 1024);
    }
}
