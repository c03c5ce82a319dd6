package dev.outpost.localstack.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialStoreTest {
    @TempDir
    Path dir;

    @Test
    void firstLoadGeneratesWellFormedSecretsInAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("state/credentials.properties");
        Credentials c = new CredentialStore(file).loadOrCreate();
        assertTrue(c.accountId().matches("[0-9a-f]{32}"), c.accountId());
        assertTrue(c.apiToken().matches("[A-Za-z0-9_-]{40}"), "token must be url-safe");
        assertTrue(c.s3AccessKey().matches("OUTPOST[A-Z2-7]{13}"), c.s3AccessKey());
        assertTrue(c.s3SecretKey().length() >= 40);
        assertTrue(c.dbPassword().length() >= 24);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(!c.toString().contains(c.apiToken()), "toString must not leak secrets");
    }

    @Test
    void laterLoadsReuseTheStoredSecrets() {
        Path file = dir.resolve("credentials.properties");
        Credentials first = new CredentialStore(file).loadOrCreate();
        Credentials second = new CredentialStore(file).loadOrCreate();
        assertEquals(first, second);
        assertNotEquals(first, new CredentialStore(dir.resolve("other.properties")).loadOrCreate());
    }

    @Test
    void missingKeysAreAddedWithoutTouchingExistingOnes() throws Exception {
        Path file = dir.resolve("credentials.properties");
        Files.writeString(file, "account-id=0123456789abcdef0123456789abcdef\napi-token=keep-me\n");
        Credentials c = new CredentialStore(file).loadOrCreate();
        assertEquals("0123456789abcdef0123456789abcdef", c.accountId());
        assertEquals("keep-me", c.apiToken());
        assertTrue(!c.dbPassword().isBlank());
        String text = Files.readString(file);
        assertTrue(text.contains("db-password=") && text.contains("api-token=keep-me"), text);
    }
}
