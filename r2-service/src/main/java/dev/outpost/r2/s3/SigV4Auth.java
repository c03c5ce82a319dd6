package dev.outpost.r2.s3;

/**
 * A verified request: who it acts for and what the payload is declared to be.
 *
 * @param payloadHash x-amz-content-sha256 (hex, UNSIGNED-PAYLOAD or a STREAMING-* mode)
 * @param signingKey  the derived key, needed to check aws-chunked chunk signatures
 * @param signature   the request signature, the seed of the chunk signature chain
 */
public record SigV4Auth(S3Principal principal, String payloadHash, String amzDate, String scope, byte[] signingKey,
        String signature, boolean presigned) {

    public boolean isStreaming() {
        return payloadHash.startsWith("STREAMING-");
    }

    public boolean isSignedHexPayload() {
        return payloadHash.length() == 64 && payloadHash.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
