package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.auth.Principal;
import dev.outpost.gateway.controlplane.auth.Scopes;
import dev.outpost.gateway.controlplane.auth.TokenIds;
import dev.outpost.gateway.controlplane.auth.TokenStore;
import dev.outpost.gateway.controlplane.model.ApiToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The token API shared by {@code /user/tokens} and {@code /accounts/{id}/tokens}, in Cloudflare's shape. */
final class TokenJson {
    private TokenJson() {
    }

    static Uni<Envelope<Map<String, Object>>> create(TokenStore store, Principal principal, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(ApiError.BAD_REQUEST, "The body must be a JSON object with name and scopes");
        }
        Set<String> scopes = Scopes.requested(body);
        Scopes.checkGrantable(principal, scopes);
        OffsetDateTime expires = null;
        JsonNode expiresOn = body.get("expires_on");
        if (expiresOn != null && !expiresOn.isNull()) {
            try {
                expires = OffsetDateTime.parse(expiresOn.asText());
            } catch (DateTimeParseException e) {
                throw new ApiException(ApiError.BAD_REQUEST, "expires_on must be an RFC 3339 time such as 2030-01-01T00:00:00Z");
            }
        }
        return store.create(principal.accountId(), body.path("name").asText(null), scopes, expires).map(created -> {
            Map<String, Object> out = json(created.token());
            out.put("value", created.value());
            return Envelope.ok(out);
        });
    }

    static Uni<Envelope<List<Map<String, Object>>>> list(TokenStore store, Principal principal) {
        return store.list(principal.accountId()).map(rows -> Envelope.ok(rows.stream().map(TokenJson::json).toList(),
                new Envelope.ResultInfo(1, Math.max(20, rows.size()), rows.size(), rows.size(), null)));
    }

    static Uni<Envelope<Map<String, Object>>> get(TokenStore store, Principal principal, String id) {
        return store.get(principal.accountId(), id(id)).map(t -> Envelope.ok(json(t)));
    }

    static Uni<Envelope<Map<String, Object>>> delete(TokenStore store, Principal principal, String id) {
        return store.delete(principal.accountId(), id(id)).map(deleted -> Envelope.ok(Map.of("id", hex(deleted))));
    }

    /** {@code PUT /tokens/{id}/value}: a new secret for the token; the result is the new value (a string). */
    static Uni<Envelope<String>> roll(TokenStore store, Principal principal, String id) {
        return store.roll(principal.accountId(), id(id)).map(Envelope::ok);
    }

    /** {@code /tokens/verify}: the calling token's id and status (any valid token may ask). */
    static Envelope<Map<String, Object>> verify(ContainerRequestContext request) {
        Principal principal = AccountAccess.current(request);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", hex(principal.tokenId()));
        out.put("status", "active");
        if (principal.expiresOn() != null) {
            out.put("expires_on", principal.expiresOn().toString());
        }
        return Envelope.ok(out);
    }

    static Map<String, Object> json(ApiToken t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", hex(t.id));
        out.put("name", t.name);
        out.put("status", t.expiresOn != null && t.expiresOn.isBefore(OffsetDateTime.now()) ? "expired" : "active");
        out.put("issued_on", t.createdOn.toString());
        out.put("modified_on", t.modifiedOn.toString());
        out.put("expires_on", t.expiresOn == null ? null : t.expiresOn.toString());
        out.put("scopes", Scopes.sorted(t.scopes));
        return out;
    }

    static String hex(UUID id) {
        return TokenIds.hex(id);
    }

    static UUID id(String text) {
        return TokenIds.parse(text)
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "API token " + text + " does not exist"));
    }
}
