package dev.outpost.gateway.controlplane.auth;

import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The one place where a resource checks that the token may act on the account in the path. */
public final class AccountAccess {
    private AccountAccess() {
    }

    /** The caller, for calls that are not under {@code /accounts/{id}} (user, zones, tokens). */
    public static Principal current(ContainerRequestContext request) {
        Principal principal = (Principal) request.getProperty(BearerAuthFilter.PRINCIPAL);
        if (principal == null) {
            throw new ApiException(ApiError.AUTHENTICATION, "Authentication error");
        }
        return principal;
    }

    /** The caller, who must hold {@code resource} (read, or edit) on its own account. */
    public static Principal require(ContainerRequestContext request, String resource, boolean edit) {
        Principal principal = current(request);
        return require(request, principal.accountId(), resource, edit);
    }

    public static Principal require(ContainerRequestContext request, String accountId, String resource,
            boolean edit) {
        Principal principal = (Principal) request.getProperty(BearerAuthFilter.PRINCIPAL);
        if (principal == null) {
            throw new ApiException(ApiError.AUTHENTICATION, "Authentication error");
        }
        if (!principal.accountId().equals(accountId) || !principal.may(resource, edit)) {
            throw new ApiException(ApiError.UNAUTHORIZED, "Unauthorized to access requested resource");
        }
        return principal;
    }
}
