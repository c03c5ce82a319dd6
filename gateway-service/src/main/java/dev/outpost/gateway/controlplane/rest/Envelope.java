package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Cloudflare's v4 response envelope (API-1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope<T>(boolean success, List<Message> errors, List<Message> messages, T result,
        ResultInfo result_info) {

    public record Message(int code, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultInfo(Integer page, Integer per_page, Integer count, Integer total_count, String cursor) {
    }

    public static <T> Envelope<T> ok(T result) {
        return new Envelope<>(true, List.of(), List.of(), result, null);
    }

    public static <T> Envelope<T> ok(T result, ResultInfo info) {
        return new Envelope<>(true, List.of(), List.of(), result, info);
    }

    public static Envelope<Object> failure(int code, String message) {
        return new Envelope<>(false, List.of(new Message(code, message)), List.of(), null, null);
    }
}
