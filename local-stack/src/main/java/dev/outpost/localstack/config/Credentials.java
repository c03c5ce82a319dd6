package dev.outpost.localstack.config;

/**
 * Secrets of one local stack, generated on first start and kept in the state dir.
 *
 * @param accountId    Cloudflare-style account id, 32 lowercase hex digits
 * @param apiToken     bearer token for the control-plane and service APIs
 * @param s3AccessKey  identity of the S3-compatible backing server
 * @param s3SecretKey  credential of the S3-compatible backing server
 * @param dbPassword   password of the PostgreSQL role {@code outpost}
 * @param secretsKey   base64 AES-256 key the gateway encrypts worker secrets with
 */
public record Credentials(String accountId, String apiToken, String s3AccessKey, String s3SecretKey, String dbPassword,
                          String secretsKey) {
    public static final String DB_USER = "outpost";
    public static final String DB_NAME = "outpost";

    @Override
    public String toString() {
        // Never print secrets by accident.
        return "Credentials[accountId=" + accountId + ", secrets hidden]";
    }
}
