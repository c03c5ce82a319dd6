package dev.outpost.gateway.controlplane.rest;

import dev.outpost.contracts.OutpostErrors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;

/**
 * Turns a failure of a delegated resource call (D1, R2) into the Cloudflare code that the service's own REST API
 * answers with, so that the gateway's envelope matches the service's (e.g. D1 7502 duplicate name, R2 10006 no
 * such bucket). Failures without a service code fall through to {@link ApiExceptionMapper}'s generic mapping.
 */
public final class ServiceErrors {
    /** d1-service puts its D1ErrorCode name on the status; these are that enum's REST (status, code) pairs. */
    private static final Map<String, int[]> D1 = Map.ofEntries(
            Map.entry("D1_ERROR", new int[] {400, 7500}),
            Map.entry("QUERY_TIMEOUT", new int[] {400, 7500}),
            Map.entry("QUERY_CANCELLED", new int[] {409, 7500}),
            Map.entry("D1_TYPE_ERROR", new int[] {400, 7400}),
            Map.entry("D1_EXEC_ERROR", new int[] {400, 7500}),
            Map.entry("D1_SESSION_ERROR", new int[] {400, 7400}),
            Map.entry("INVALID_REQUEST", new int[] {400, 7400}),
            Map.entry("DATABASE_NOT_FOUND", new int[] {404, 7404}),
            Map.entry("DUPLICATE_NAME", new int[] {409, 7502}),
            Map.entry("TIME_TRAVEL_OUT_OF_RANGE", new int[] {400, 7400}),
            Map.entry("SHARD_UNAVAILABLE", new int[] {503, 7503}));

    /**
     * KV-10/KV-11: kv-service puts "KV_" + its KvError name on the status; these are that enum's REST (status,
     * code) pairs, so the gateway answers as kv-service's own REST API does (e.g. 10009 key not found, 10013
     * namespace not found, 400/10014 duplicate title, 414 long key, 413 large value).
     */
    private static final Map<String, int[]> KV = Map.ofEntries(
            Map.entry("KV_BAD_REQUEST", new int[] {400, 10002}),
            Map.entry("KV_KEY_EMPTY", new int[] {400, 10020}),
            Map.entry("KV_KEY_ILLEGAL", new int[] {400, 10020}),
            Map.entry("KV_KEY_TOO_LONG", new int[] {414, 10021}),
            Map.entry("KV_VALUE_TOO_LARGE", new int[] {413, 10022}),
            Map.entry("KV_METADATA_TOO_LARGE", new int[] {413, 10023}),
            Map.entry("KV_METADATA_INVALID", new int[] {400, 10024}),
            Map.entry("KV_EXPIRATION_TTL_INVALID", new int[] {400, 10025}),
            Map.entry("KV_EXPIRATION_INVALID", new int[] {400, 10026}),
            Map.entry("KV_LIST_LIMIT_INVALID", new int[] {400, 10027}),
            Map.entry("KV_CURSOR_INVALID", new int[] {400, 10028}),
            Map.entry("KV_KEY_COUNT_INVALID", new int[] {400, 10029}),
            Map.entry("KV_RESPONSE_TOO_LARGE", new int[] {413, 10031}),
            Map.entry("KV_KEY_NOT_FOUND", new int[] {404, 10009}),
            Map.entry("KV_NAMESPACE_NOT_FOUND", new int[] {404, 10013}),
            Map.entry("KV_NAMESPACE_TITLE_EXISTS", new int[] {400, 10014}),
            Map.entry("KV_NAMESPACE_TITLE_MISSING", new int[] {400, 10019}),
            Map.entry("KV_TOO_MANY_REQUESTS", new int[] {429, 10049}),
            Map.entry("KV_TOO_MANY_NAMESPACES", new int[] {400, 10030}));

    private ServiceErrors() {
    }

    public static Throwable kv(Throwable failure) {
        int[] rest = KV.get(OutpostErrors.codeOf(failure));
        return rest == null ? failure : new ResourceException(rest[0], rest[1], Status.fromThrowable(failure).getDescription()
                != null ? Status.fromThrowable(failure).getDescription() : OutpostErrors.messageOf(failure));
    }

    public static Throwable d1(Throwable failure) {
        return mapped(D1, failure);
    }

    /** The failure as {@code codes} maps its Outpost code; as it is when it has none (e.g. an ApiException). */
    private static Throwable mapped(Map<String, int[]> codes, Throwable failure) {
        String code = OutpostErrors.codeOf(failure);
        int[] rest = code == null ? null : codes.get(code);
        return rest == null ? failure : new ResourceException(rest[0], rest[1], OutpostErrors.messageOf(failure));
    }

    /** r2-service puts its numeric Cloudflare code on the status; the HTTP status follows from the gRPC one. */
    public static Throwable r2(Throwable failure) {
        String code = OutpostErrors.codeOf(failure);
        if (code == null || !code.chars().allMatch(Character::isDigit) || !(failure instanceof StatusRuntimeException)) {
            return failure;
        }
        int status = switch (Status.fromThrowable(failure).getCode()) {
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED -> 409;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
            case PERMISSION_DENIED -> 403;
            case UNAVAILABLE -> 503;
            default -> 500;
        };
        return new ResourceException(status, Integer.parseInt(code), OutpostErrors.messageOf(failure));
    }

    /** queue-service's codes on the status, as Cloudflare's Queues API answers them (API-8). */
    private static final Map<String, int[]> QUEUES = Map.ofEntries(
            Map.entry("QUEUE_NOT_FOUND", new int[] {404, 11000}),
            Map.entry("CONSUMER_NOT_FOUND", new int[] {404, 11000}),
            Map.entry("QUEUE_HAS_CONSUMER", new int[] {409, 11004}),
            Map.entry("QUEUE_NAME_TAKEN", new int[] {409, 11009}),
            Map.entry("QUEUE_INVALID", new int[] {400, 10014}),
            // limits, as a binding's send meets them (HTTP publish)
            Map.entry("QUEUE_MESSAGE_TOO_LARGE", new int[] {413, 10014}),
            Map.entry("QUEUE_BATCH_TOO_LARGE", new int[] {413, 10014}),
            Map.entry("QUEUE_BATCH_EMPTY", new int[] {400, 10014}),
            Map.entry("QUEUE_INVALID_DELAY", new int[] {400, 10014}),
            // Q-9 pull consumers
            Map.entry("QUEUE_INVALID_LEASE", new int[] {400, 10014}),
            Map.entry("QUEUE_V8_NOT_PULLABLE", new int[] {400, 10014}),
            Map.entry("QUEUE_NO_PULL_CONSUMER", new int[] {400, 10014}),
            Map.entry("QUEUE_HAS_PUSH_CONSUMER", new int[] {409, 11004}),
            Map.entry("QUEUE_STORAGE_UNAVAILABLE", new int[] {503, 10043}));

    public static Throwable queues(Throwable failure) {
        return mapped(QUEUES, failure);
    }

    /** A resource service's error with the status and code of its own REST API. */
    public static final class ResourceException extends RuntimeException {
        private final int status;
        private final int code;

        ResourceException(int status, int code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public int code() {
            return code;
        }
    }
}
