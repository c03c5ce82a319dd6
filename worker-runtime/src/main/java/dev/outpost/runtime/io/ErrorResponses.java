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

    private ErrorResponses() {
    }

    public static WorkerResponse internalError() {
        return new WorkerResponse(500, "Internal Server Error", List.of(), INTERNAL_ERROR.clone());
    }

    public static WorkerResponse limitExceeded(LimitKind kind) {
        String body = switch (kind) {
            case CPU -> "Worker exceeded CPU time limit.";
            case MEMORY -> "Worker exceeded memory limit.";
            case WALL -> "Worker exceeded wall time limit.";
        };
        return new WorkerResponse(503, "Service Unavailable",
                List.of(java.util.Map.entry("content-type", "text/plain;charset=UTF-8")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    public static WorkerResponse unavailable() {
        return new WorkerResponse(503, "Service Unavailable",
                List.of(java.util.Map.entry("content-type", "text/plain;charset=UTF-8")),
                "Worker is not available.".getBytes(StandardCharsets.UTF_8));
    }
}
