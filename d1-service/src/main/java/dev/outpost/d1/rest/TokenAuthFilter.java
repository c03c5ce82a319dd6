package dev.outpost.d1.rest;

import dev.outpost.d1.config.D1Config;
import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Bearer-token check of the Cloudflare-shaped API (/client/v4/...), until the control plane's
 * shared tokens exist: one configured token (outpost.d1.api-token) grants the API; with none
 * configured every call is refused. The token does not choose the account — the path does, and a
 * database of another account is reported as not found by the service.
 */
public class TokenAuthFilter {

    private final Optional<byte[]> token;

    public TokenAuthFilter(D1Config config) {
        this.token = config.apiToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (!path.startsWith("/client/v4/")) {
            return Optional.empty();
        }
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (token.isPresent() && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(token.get(), header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Envelope.error(new D1Exception(D1ErrorCode.AUTHENTICATION, "Authentication error")));
    }
}
