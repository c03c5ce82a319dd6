package dev.outpost.gateway.bindings;

import dev.outpost.contracts.OutpostErrors;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** KV-8/KV-11: the HTTP status inside "KV <OP> failed: <status> <text>" is Cloudflare's, not the gRPC code's. */
class BindingFailuresTest {

    private static String describe(String operation, Status.Code status, String code, String message) {
        return BindingFailures.describe("KV", operation,
                new CompletionException(OutpostErrors.error(status, code, message))).getMessage();
    }

    @Test
    void kv8LongKeysAre414AndOversizedValuesAndMetadata413() {
        assertEquals("KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.",
                describe("GET", Status.Code.INVALID_ARGUMENT, "KV_KEY_TOO_LONG",
                        "UTF-8 encoded length of 513 exceeds key length limit of 512."));
        assertEquals("KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400.",
                describe("PUT", Status.Code.INVALID_ARGUMENT, "KV_VALUE_TOO_LARGE",
                        "Value length of 26214401 exceeds limit of 26214400."));
        assertEquals("KV PUT failed: 413 Metadata length of 1025 exceeds limit of 1024.",
                describe("PUT", Status.Code.INVALID_ARGUMENT, "KV_METADATA_TOO_LARGE",
                        "Metadata length of 1025 exceeds limit of 1024."));
    }

    @Test
    void kv11OtherErrorsKeepTheirGrpcMapping() {
        assertEquals("KV PUT failed: 400 Invalid expiration_ttl of 59. Expiration TTL must be at least 60.",
                describe("PUT", Status.Code.INVALID_ARGUMENT, "KV_EXPIRATION_TTL_INVALID",
                        "Invalid expiration_ttl of 59. Expiration TTL must be at least 60."));
        assertEquals("KV PUT failed: 429 Too Many Requests",
                describe("PUT", Status.Code.RESOURCE_EXHAUSTED, "KV_TOO_MANY_REQUESTS", "Too Many Requests"));
    }
}
