package dev.outpost.r2.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Cloudflare's API envelope: {success, errors:[{code,message}], messages, result, result_info?}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(boolean success, List<ErrorItem> errors, List<Object> messages,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object result,
        @JsonProperty("result_info") Map<String, Object> resultInfo) {

    public record ErrorItem(int code, String message) {
    }

    public static Envelope ok(Object result) {
        return new Envelope(true, List.of(), List.of(), result, null);
    }

    public static Envelope ok(Object result, Map<String, Object> info) {
        return new Envelope(true, List.of(), List.of(), result, info);
    }

    public static Envelope error(int code, String message) {
        return new Envelope(false, List.of(new ErrorItem(code, message)), List.of(), null, null);
    }
}
