package dev.outpost.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Outpost has no DNS: every host name is a zone, and its id (32 hex digits, like Cloudflare's) is derived from
 * the name, so {@code GET /zones?name=} always answers and {@code /zones/{id}/workers/routes} needs no zone table.
 */
public final class ZoneIds {
    private ZoneIds() {
    }

    public static String of(String zoneName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("outpost-zone:" + zoneName.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the zones a host belongs to: itself and every parent domain with at least two labels. */
    public static List<String> enclosing(String host) {
        List<String> ids = new ArrayList<>();
        String name = host.toLowerCase(Locale.ROOT);
        while (true) {
            ids.add(of(name));
            int dot = name.indexOf('.');
            if (dot < 0 || name.indexOf('.', dot + 1) < 0) {
                return ids;
            }
            name = name.substring(dot + 1);
        }
    }
}
