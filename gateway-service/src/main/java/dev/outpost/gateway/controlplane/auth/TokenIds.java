package dev.outpost.gateway.controlplane.auth;

import java.util.Optional;
import java.util.UUID;

/** Token ids as Cloudflare shows them (32 hex digits) and as stored (UUIDs); both spellings are accepted. */
public final class TokenIds {
    private TokenIds() {
    }

    public static String hex(UUID id) {
        return id.toString().replace("-", "");
    }

    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (text.length() == 32) {
                return Optional.of(UUID.fromString(text.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")));
            }
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
