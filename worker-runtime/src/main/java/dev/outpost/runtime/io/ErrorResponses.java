package dev.outpost.runtime.io;

import dev.outpost.runtime.WorkerResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The platform's own responses when a worker cannot answer. The 500 matches workerd byte for byte for an
 * uncaught exception (status 500, no headers, body "Internal Server Error"); the 503s name the limit
 * (Cloudflare's error 1102 "Worker exceeded resource limits").
 */
public final class ErrorResponses {
    private static final byte[] INTERNAL_ERROR = "Internal Server Error".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CPU = "Worker exceeded CPU time limit.".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MEMORY = "Worker exceeded memory limit.".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WALL = "Worker exceeded wall time limit.".getBytes(StandardCharsets.UTF_8);

    private ErrorResponses() {
    }

    public static WorkerResponse internalError() {
        return new WorkerResponse(500, "Internal Server Error", List.of(), INTERNAL_ERROR);
    }

    /**
     * RT-14: Cloudflare's error code when {@code response} is one of the platform's own error responses (1101
     * exception/no response, 1102 resource limits), or 0 for a worker's response. The platform's responses
     * share these body arrays (never mutated), so a worker's look-alike response is never taken for one.
     */
    public static int cloudflareErrorCode(WorkerResponse response) {
        byte[] body = response.body();
        if (body == INTERNAL_ERROR || body == WALL) {
            return 1101;
        }
        if (body == CPU || body == MEMORY) {
            return 1102;
        }
        return 0;
    }

    public static WorkerResponse limitExceeded(LimitKind kind) {
        byte[] body = switch (kind) {
            case CPU -> CPU;
            case MEMORY -> MEMORY;
            case WALL -> WALL;
        };
        return new WorkerResponse(503, "Service Unavailable",
                List.of(java.util.Map.entry("content-type", "text/plain;charset=UTF-8")), body);
    }

    public static WorkerResponse unavailable() {
        return new WorkerResponse(503, "Service Unavailable",
                List.of(java.util.Map.entry("content-type", "text/plain;charset=UTF-8")),
                "Worker is not available.".getBytes(StandardCharsets.UTF_8));
    }
}
