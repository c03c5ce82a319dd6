package dev.outpost.gateway.controlplane.auth;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** Who a control-plane request acts for: the token (id, expiry), its account and its scopes. */
public record Principal(UUID tokenId, String accountId, Set<String> scopes, OffsetDateTime expiresOn) {

    /** Scopes are {@code <resource>:<read|edit>}; edit implies read; {@code *} is everything. */
    public boolean may(String resource, boolean edit) {
        if (scopes.contains("*")) {
            return true;
        }
        return scopes.contains(resource + ":edit") || (!edit && scopes.contains(resource + ":read"));
    }

    public boolean expired() {
        return expiresOn != null && expiresOn.isBefore(OffsetDateTime.now());
    }
}
