package dev.outpost.d1.rest;

import dev.outpost.d1.storage.DatabaseRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files behind the export/import polling flows (D1-13). Each file is reachable only through an
 * unguessable 128-bit token in its URL (the "signed URL" of Cloudflare's flow: the client fetches
 * it without the API token), and expires after {@link #TTL_MS}. Also remembers each database's
 * last finished export/import so that polls can answer.
 */
@ApplicationScoped
public class TransferStore {

    static final long TTL_MS = 60 * 60 * 1000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One transfer file. {@code etag} is the md5 the client announced (imports). */
    record Transfer(String token, String accountId, String databaseId, Path file, long createdMs, String etag) {
    }

    private final Path dir;
    private final Map<String, Transfer> byToken = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> lastImport = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> lastExport = new ConcurrentHashMap<>();

    public TransferStore(DatabaseRegistry registry) throws IOException {
        this.dir = registry.dataDir().resolve("transfers");
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.deleteIfExists(p); // tokens do not survive a restart
            }
        }
    }

    Transfer create(String accountId, String databaseId, String etag) {
        purgeExpired();
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        Transfer t = new Transfer(token, accountId, databaseId, dir.resolve(token + ".sql"), System.currentTimeMillis(), etag);
        byToken.put(token, t);
        return t;
    }

    Transfer get(String token) {
        Transfer t = byToken.get(token);
        if (t == null || System.currentTimeMillis() - t.createdMs() > TTL_MS) {
            return null;
        }
        return t;
    }

    void rememberImport(String databaseId, Map<String, Object> status) {
        lastImport.put(databaseId, status);
    }

    Map<String, Object> lastImport(String databaseId) {
        return lastImport.get(databaseId);
    }

    void rememberExport(String databaseId, Map<String, Object> status) {
        lastExport.put(databaseId, status);
    }

    Map<String, Object> lastExport(String databaseId) {
        return lastExport.get(databaseId);
    }

    private void purgeExpired() {
        long now = System.currentTimeMillis();
        byToken.values().removeIf(t -> {
            if (now - t.createdMs() > TTL_MS) {
                try {
                    Files.deleteIfExists(t.file());
                } catch (IOException ignored) {
                    // retried at the next purge
                }
                return true;
            }
            return false;
        });
    }
}
