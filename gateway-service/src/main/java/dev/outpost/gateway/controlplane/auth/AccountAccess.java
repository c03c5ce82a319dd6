package dev.outpost.gateway.controlplane.auth;

import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The one place where a resource checks that the token may act on the account in the path. */
public final class AccountAccess {
    private AccountAccess() {
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
