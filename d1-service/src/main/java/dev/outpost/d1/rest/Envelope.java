package dev.outpost.d1.rest;

import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cloudflare's v4 JSON envelope: {@code {"result":..., "success":..., "errors":[{code,message}], "messages":[]}}.
 * The one mapping of {@link D1Exception} to HTTP for the REST API.
 */
public final class Envelope {

    private static final Logger LOG = Logger.getLogger(Envelope.class);
    /** Header naming the owner shard on a placement refusal (HTTP 421). */
    public static final String OWNER_HEADER = "Outpost-D1-Owner";

    private Envelope() {
    }

    public static Response ok(Object result) {
        return Response.ok(body(result, true, List.of()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response ok(Object result, Map<String, Object> resultInfo) {
        Map<String, Object> b = body(result, true, List.of());
        b.put("result_info", resultInfo);
        return Response.ok(b, MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response error(Throwable failure) {
        D1Exception e = D1Exception.from(failure);
        if (e.code() == D1ErrorCode.INTERNAL) {
            LOG.error("internal error in d1-service REST API", failure);
        }
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", e.code().cloudflareCode());
        err.put("message", e.detail());
        Response.ResponseBuilder rb = Response.status(e.code().httpStatus())
                .entity(body(null, false, List.of(err))).type(MediaType.APPLICATION_JSON_TYPE);
        if (e.owner() != null) {
            rb.header(OWNER_HEADER, e.owner());
        }
        return rb.build();
    }

    private static Map<String, Object> body(Object result, boolean success, List<Object> errors) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("result", result);
        b.put("success", success);
        b.put("errors", errors);
        b.put("messages", List.of());
        return b;
    }
}
