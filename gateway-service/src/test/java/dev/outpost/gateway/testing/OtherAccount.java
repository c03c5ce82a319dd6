package dev.outpost.gateway.testing;

import dev.outpost.gateway.controlplane.auth.TokenHasher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** A second account with an all-scopes token, written straight into PostgreSQL, for cross-account tests. */
public final class OtherAccount {
    public static final String ACCOUNT = "fedcba9876543210fedcba9876543210";
    public static final String TOKEN = "token-of-the-other-account";

    private OtherAccount() {
    }

    public static synchronized void ensure() throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO accounts (id, name) VALUES (?, 'Other') ON CONFLICT DO NOTHING")) {
                s.setString(1, ACCOUNT);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO api_tokens (id, account_id, name, token_hash, scopes) "
                    + "VALUES (?, ?, 'other', ?, '*') ON CONFLICT DO NOTHING")) {
                s.setObject(1, UUID.nameUUIDFromBytes(TOKEN.getBytes()));
                s.setString(2, ACCOUNT);
                s.setString(3, TokenHasher.hash(TOKEN));
                s.executeUpdate();
            }
        }
    }
}
