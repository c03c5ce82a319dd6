package dev.outpost.gateway.controlplane.secrets;

import dev.outpost.gateway.config.GatewayConfig;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts worker secrets at rest with the operator's key ({@code outpost.gateway.secrets-key}):
 * AES-256-GCM, a fresh 96-bit nonce per value, stored as {@code v1:<base64(nonce|ciphertext)>}.
 */
@ApplicationScoped
public class SecretCipher {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;

    private final Optional<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(GatewayConfig config) {
        this.key = config.secretsKey().filter(k -> !k.isBlank()).map(SecretCipher::parse);
    }

    private static SecretKey parse(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("outpost.gateway.secrets-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("outpost.gateway.secrets-key must be 32 bytes (base64), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(String plaintext) {
        SecretKey k = key.orElseThrow(() -> new ApiException(ApiError.SCRIPT_VALIDATION,
                "This Outpost has no secrets key (outpost.gateway.secrets-key), so it cannot store secrets"));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encrypting a secret failed", e);
        }
    }

    public String decrypt(String stored) {
        SecretKey k = key.orElseThrow(() -> new IllegalStateException(
                "a worker has secrets but outpost.gateway.secrets-key is not configured"));
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret could not be decrypted with the configured key", e);
        }
    }
}
