package dev.outpost.kv.api.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.outpost.kv.config.KvConfig;
import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvException;

/**
 * Interim REST authentication: {@code Authorization: Bearer <outpost.kv.api-token>}. With no token
 * configured every REST call is refused, so a fresh install is never open. The control plane's shared
 * token validation will replace this filter.
 */
public class ApiTokenFilter {

    private final byte[] expected;

    public ApiTokenFilter(KvConfig config) {
        this.expected = config.apiToken().filter(t -> !t.isEmpty())
                .map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (expected != null && header != null
                && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return RestErrors.response(new KvException(KvError.UNAUTHENTICATED, "Authentication error"));
    }
}
