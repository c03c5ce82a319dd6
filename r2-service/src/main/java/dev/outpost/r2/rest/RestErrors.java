package dev.outpost.r2.rest;

import dev.outpost.r2.config.R2Config;
import dev.outpost.r2.error.R2Error;
import dev.outpost.r2.error.R2Exception;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bearer-token check and error rendering for the Cloudflare-style REST API: every failure is the
 * JSON envelope with the R2 code, never a stack trace.
 */
public class RestErrors {

    private static final Logger LOG = Logger.getLogger(RestErrors.class);

    private final byte[] token;

    public RestErrors(R2Config config) {
        this.token = config.apiToken().getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request, HttpServerRequest raw) {
        if (!raw.path().startsWith("/client/v4/")) {
            return null;
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.startsWith("Bearer ")
                || !MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
            return envelope(401, Envelope.error(10000, "Authentication error"));
        }
        return null;
    }

    @ServerExceptionMapper
    public Response r2(R2Exception e) {
        int status = e.error().httpStatus() == 304 ? 412 : e.error().httpStatus();
        return envelope(status, Envelope.error(e.error().code(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return envelope(status, Envelope.error(status == 404 ? 10006 : R2Error.INVALID_ARGUMENT.code(),
                status == 404 ? "Not found" : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response other(Exception e) {
        LOG.errorf(e, "R2 REST request failed");
        return envelope(500, Envelope.error(R2Error.INTERNAL_ERROR.code(), R2Error.INTERNAL_ERROR.defaultMessage()));
    }

    private static Response envelope(int status, Envelope body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
