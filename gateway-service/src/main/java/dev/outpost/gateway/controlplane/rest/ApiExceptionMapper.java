package dev.outpost.gateway.controlplane.rest;

import dev.outpost.contracts.OutpostErrors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every control-plane failure leaves as a Cloudflare JSON envelope, never as a stack trace. */
public class ApiExceptionMapper {
    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return envelope(e.error().httpStatus(), e.error().code(), e.getMessage());
    }

    /** KV-10 bulk bodies that do not parse: a 400 with the parser's message, as kv-service answers them. */
    @ServerExceptionMapper
    public Response kvBulkBody(dev.outpost.contracts.kv.KvBulkBodies.BadBody e) {
        return envelope(ApiError.BAD_REQUEST.httpStatus(), ApiError.BAD_REQUEST.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response resource(ServiceErrors.ResourceException e) {
        return envelope(e.status(), e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response grpc(StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        String message = OutpostErrors.messageOf(e);
        return switch (code) {
            case NOT_FOUND -> envelope(404, ApiError.NOT_FOUND.code(), message);
            case INVALID_ARGUMENT, OUT_OF_RANGE -> envelope(400, ApiError.BAD_REQUEST.code(), message);
            case ALREADY_EXISTS -> envelope(409, ApiError.CONFLICT.code(), message);
            case PERMISSION_DENIED, UNAUTHENTICATED -> envelope(403, ApiError.UNAUTHORIZED.code(), message);
            case UNAVAILABLE, DEADLINE_EXCEEDED -> envelope(503, ApiError.UPSTREAM_UNAVAILABLE.code(),
                    "A backing service did not answer: " + message);
            default -> {
                LOG.errorf(e, "Backing service call failed");
                yield envelope(500, ApiError.INTERNAL.code(), "Internal error");
            }
        };
    }

    /**
     * A path (or method) no resource serves: the envelope names it, so a client such as wrangler reports exactly
     * which call Outpost lacks; logged so that missing endpoints are easy to find.
     */
    @ServerExceptionMapper
    public Response unrouted(NotFoundException e, HttpServerRequest request) {
        LOG.infof("No control-plane endpoint for %s %s", request.method(), request.path());
        return envelope(404, ApiError.NO_ROUTE.code(), "Outpost does not serve " + request.method() + " "
                + request.path() + " (no route for that URI)");
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, HttpServerRequest request) {
        LOG.infof("No control-plane endpoint for %s %s (other methods exist)", request.method(), request.path());
        return envelope(405, ApiError.METHOD_NOT_ALLOWED.code(), "Outpost does not serve " + request.method() + " "
                + request.path() + " (method not allowed for that URI)");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return envelope(status, status == 404 ? ApiError.NOT_FOUND.code() : ApiError.BAD_REQUEST.code(),
                e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf(e, "Control-plane request failed");
        return envelope(500, ApiError.INTERNAL.code(), "Internal error");
    }

    static Response envelope(int status, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Envelope.failure(code, message)).build();
    }
}
