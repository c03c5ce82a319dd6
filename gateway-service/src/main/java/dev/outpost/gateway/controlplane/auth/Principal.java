package dev.outpost.gateway.controlplane.auth;

import java.util.Set;

/** Who a control-plane request acts for: the token's account and scopes. */
public record Principal(String accountId, Set<String> scopes) {

    /** Scopes are {@code <resource>:<read|edit>}; edit implies read; {@code *} is everything. */
    public boolean may(String resource, boolean edit) {
        if (scopes.contains("*")) {
            return true;
        }
        return scopes.contains(resource + ":edit") || (!edit && scopes.contains(resource + ":read"));
    }
}
