package dev.outpost.kv.api.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvErrors;
import dev.outpost.kv.error.KvException;

/** The one mapping from kv-service failures to HTTP: Cloudflare's envelope with the error's HTTP status. */
public class RestErrors {

    static Response response(KvException e) {
        return Response.status(e.error().httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Envelope.error(e.error().cloudflareCode(), e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response kvFailure(KvException e) {
        return response(e);
    }

    /** Unreadable request bodies (e.g. malformed JSON): 400 in the envelope, not Quarkus' default body. */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return response(new KvException(KvError.BAD_REQUEST, "Could not parse the request body as JSON."));
    }

    /** KV-10 bulk bodies that do not parse ({@link dev.outpost.contracts.kv.KvBulkBodies}): 400 with its message. */
    @ServerExceptionMapper
    public Response badBulkBody(dev.outpost.contracts.kv.KvBulkBodies.BadBody e) {
        return response(new KvException(KvError.BAD_REQUEST, e.getMessage()));
    }

    /** JAX-RS' own refusals (unknown route, wrong method, bad media type) keep their status. */
    @ServerExceptionMapper
    public Response jaxRsFailure(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return response(KvErrors.classify(e));
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Envelope.error(KvError.BAD_REQUEST.cloudflareCode(), reason)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return response(KvErrors.classify(e));
    }
}
