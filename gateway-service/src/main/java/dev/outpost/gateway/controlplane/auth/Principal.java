package dev.outpost.gateway.controlplane.auth;

import dev.outpost.gateway.controlplane.model.ApiToken;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Who a control-plane request acts for: the token (id, expiry), its account and its scopes. */
public record Principal(UUID tokenId, String accountId, Set<String> scopes, OffsetDateTime expiresOn) {

    /** The principal of a stored token (its space-separated scope words). */
    public static Principal of(ApiToken row) {
        return new Principal(row.id, row.accountId, new HashSet<>(Arrays.asList(row.scopes.trim().split("\\s+"))),
                row.expiresOn);
    }

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
