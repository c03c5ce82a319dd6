package dev.outpost.gateway.controlplane.auth;

import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.Envelope;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every /client/v4 call needs {@code Authorization: Bearer <token>} (or the token as {@code X-Auth-Key}, the header
 * of wrangler's {@code CLOUDFLARE_API_KEY}); the principal is stored on the
 * request for the resources, which also check that the path's account is the token's account.
 */
public class BearerAuthFilter {
    public static final String PRINCIPAL = "outpost.principal";

    private final TokenService tokens;

    public BearerAuthFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/client/v4")) {
            return Uni.createFrom().nullItem();
        }
        String header = request.getHeaderString("Authorization");
        String token;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            token = header.substring(7).trim();
        } else if (request.getHeaderString("X-Auth-Key") != null && !request.getHeaderString("X-Auth-Key").isBlank()) {
            // API-1: Cloudflare's legacy key auth (CLOUDFLARE_API_KEY + CLOUDFLARE_EMAIL); Outpost has no global
            // keys, so the key is an API token and the email is not checked.
            token = request.getHeaderString("X-Auth-Key").trim();
        } else {
            return Uni.createFrom().item(unauthenticated());
        }
        return tokens.authenticate(token).map(principal -> {
            if (principal.isEmpty()) {
                return unauthenticated();
            }
            if (principal.get().expired()) {
                return failure("Authentication error: the API token expired on " + principal.get().expiresOn());
            }
            request.setProperty(PRINCIPAL, principal.get());
            return null;
        });
    }

    private static Response unauthenticated() {
        return failure("Authentication error");
    }

    private static Response failure(String message) {
        return Response.status(ApiError.AUTHENTICATION.httpStatus()).type(MediaType.APPLICATION_JSON)
                .entity(Envelope.failure(ApiError.AUTHENTICATION.code(), message)).build();
    }
}
