package dev.outpost.localstack.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.Properties;

/**
 * Loads {@code credentials.properties} from the state dir, generating (once) whatever is missing.
 * The file is created owner-only (0600) before any secret is written to it.
 */
public final class CredentialStore {
    static final String ACCOUNT_ID = "account-id";
    static final String API_TOKEN = "api-token";
    static final String API_TOKEN_ID = "api-token-id";
    static final String S3_ACCESS_KEY = "s3-access-key";
    static final String S3_SECRET_KEY = "s3-secret-key";
    static final String DB_PASSWORD = "db-password";
    static final String SECRETS_KEY = "secrets-key";

    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final Path file;
    private final SecureRandom random;

    public CredentialStore(Path file) {
        this(file, new SecureRandom());
    }

    CredentialStore(Path file, SecureRandom random) {
        this.file = file;
        this.random = random;
    }

    public Path file() {
        return file;
    }

    public synchronized Credentials loadOrCreate() {
        try {
            Properties props = new Properties();
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    props.load(r);
                }
            }
            boolean changed = false;
            changed |= putIfAbsent(props, ACCOUNT_ID, HexFormat.of().formatHex(bytes(16)));
            changed |= putIfAbsent(props, API_TOKEN, urlSafe(30));
            changed |= putIfAbsent(props, API_TOKEN_ID, new UUID(random.nextLong(), random.nextLong()).toString());
            changed |= putIfAbsent(props, S3_ACCESS_KEY, "OUTPOST" + randomKey(13));
            changed |= putIfAbsent(props, S3_SECRET_KEY, urlSafe(30));
            changed |= putIfAbsent(props, DB_PASSWORD, urlSafe(18));
            changed |= putIfAbsent(props, SECRETS_KEY, Base64.getEncoder().encodeToString(bytes(32)));
            if (changed) {
                write(props);
            }
            return new Credentials(props.getProperty(ACCOUNT_ID), props.getProperty(API_TOKEN),
                    props.getProperty(API_TOKEN_ID), props.getProperty(S3_ACCESS_KEY), props.getProperty(S3_SECRET_KEY), props.getProperty(DB_PASSWORD),
                    props.getProperty(SECRETS_KEY));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean putIfAbsent(Properties props, String key, String value) {
        String existing = props.getProperty(key);
        if (existing != null && !existing.isBlank()) {
            return false;
        }
        props.setProperty(key, value);
        return true;
    }

    private void write(Properties props) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            Files.createFile(tmp);
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            props.store(w, "Outpost local stack credentials: generated once, reused by every start. Keep private.");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String urlSafe(int n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(n));
    }

    private String randomKey(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
