package dev.outpost.gateway.controlplane.d1;

import dev.outpost.gateway.controlplane.model.D1Transfer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The files of D1 exports and imports (D1-13) and the outcome of each import, stored in PostgreSQL so that any gateway
 * replica can answer any call of the flow. A transfer is reachable for {@link #TTL} through its random token, which
 * is the whole credential of its download/upload URL (Cloudflare hands out presigned URLs the same way).
 */
@ApplicationScoped
public class D1Transfers {
    public static final Duration TTL = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Stores a new transfer (and drops the expired ones of every account). */
    @WithTransaction
    public Uni<D1Transfer> create(String accountId, String databaseId, String kind, String etag, byte[] content) {
        D1Transfer t = new D1Transfer();
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        t.token = HexFormat.of().formatHex(token);
        t.accountId = accountId;
        t.databaseId = databaseId;
        t.kind = kind;
        t.etag = etag;
        t.content = content;
        t.createdOn = OffsetDateTime.now();
        return D1Transfer.delete("createdOn < ?1", OffsetDateTime.now().minus(TTL)).flatMap(n -> t.persist())
                .replaceWith(t);
    }

    /** The live transfer with this token, or null (unknown or expired). */
    @WithSession
    public Uni<D1Transfer> find(String token) {
        if (token == null || !token.matches("[0-9a-f]{32}")) {
            return Uni.createFrom().nullItem();
        }
        return D1Transfer.<D1Transfer>findById(token)
                .map(t -> t == null || t.createdOn.isBefore(OffsetDateTime.now().minus(TTL)) ? null : t);
    }

    /** Stores the uploaded file of an import; answers its md5 (hex), or null when there is no such import. */
    @WithTransaction
    public Uni<String> upload(String token, byte[] content) {
        return find(token).map(t -> {
            if (t == null || !D1Transfer.IMPORT.equals(t.kind)) {
                return null;
            }
            t.content = content;
            return md5(content);
        });
    }

    /** Records what an import's ingest came to: the JSON answered to it and to later polls. */
    @WithTransaction
    public Uni<Void> recordOutcome(String token, String outcome) {
        return D1Transfer.update("outcome = ?1 where token = ?2", outcome, token).replaceWithVoid();
    }

    /** The newest ingested import of a database, or null. */
    @WithSession
    public Uni<D1Transfer> lastImport(String accountId, String databaseId) {
        return D1Transfer.<D1Transfer>find("accountId = ?1 and databaseId = ?2 and kind = ?3 and outcome is not null "
                        + "order by createdOn desc", accountId, databaseId, D1Transfer.IMPORT).firstResult();
    }

    public static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
