package dev.outpost.kv.api.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Cloudflare's v4 response envelope (API-1): {@code {success, errors:[{code,message}], messages, result,
 * result_info?}}. {@code result} is always present (null on errors and on calls without a result).
 */
public record Envelope(
        boolean success,
        List<Message> errors,
        List<Message> messages,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object result,
        @JsonProperty("result_info") @JsonInclude(JsonInclude.Include.NON_NULL) Object resultInfo) {

    public record Message(int code, String message) {
    }

    public static Envelope ok(Object result) {
        return new Envelope(true, List.of(), List.of(), result, null);
    }

    public static Envelope ok(Object result, Object resultInfo) {
        return new Envelope(true, List.of(), List.of(), result, resultInfo);
    }

    public static Envelope error(int code, String message) {
        return new Envelope(false, List.of(new Message(code, message)), List.of(), null, null);
    }

    /** result_info of paged lists (namespaces). */
    public record PageInfo(int page, @JsonProperty("per_page") int perPage, int count,
            @JsonProperty("total_count") int totalCount) {
    }

    /** result_info of cursor lists (keys): the cursor is "" on the last page. */
    public record CursorInfo(int count, String cursor) {
    }
}
