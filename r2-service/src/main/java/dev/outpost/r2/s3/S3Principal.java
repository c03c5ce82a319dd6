package dev.outpost.r2.s3;

/** An S3 key pair and the account it acts for. */
public record S3Principal(String accessKeyId, String secretAccessKey, String accountId) {
}
