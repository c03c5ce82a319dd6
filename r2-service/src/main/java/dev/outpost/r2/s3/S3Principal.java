package dev.outpost.r2.s3;

/**
 * An S3 key pair and the account it acts for; {@code canWrite} is false for keys of read-only tokens (GET and
 * HEAD only).
 */
public record S3Principal(String accessKeyId, String secretAccessKey, String accountId, boolean canWrite) {
}
