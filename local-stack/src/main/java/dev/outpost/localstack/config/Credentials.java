package dev.outpost.localstack.config;

/**
 * Secrets of one local stack, generated on first start and kept in the state dir.
 *
 * @param accountId    Cloudflare-style account id, 32 lowercase hex digits
 * @param apiToken     bearer token for the control-plane and service APIs
 * @param apiTokenId   id of that token in the control plane; with the token's SHA-256 it is the S3 key pair of R2
 * @param s3AccessKey  identity of the S3-compatible backing server
 * @param s3SecretKey  credential of the S3-compatible backing server
 * @param dbPassword   password of the PostgreSQL role {@code outpost}
 * @param secretsKey   base64 AES-256 key the gateway encrypts worker secrets with
 */
public record Credentials(String accountId, String apiToken, String apiTokenId, String s3AccessKey, String s3SecretKey,
                          String dbPassword, String secretsKey) {
    public static final String DB_USER = "outpost";
    public static final String DB_NAME = "outpost";

    /** R2's S3 secret for the API token: the SHA-256 of the token in hex (what the control plane stores). */
    public String apiTokenS3Secret() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(apiToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        // Never print secrets by accident.
        return "Credentials[accountId=" + accountId + ", secrets hidden]";
    }
}
