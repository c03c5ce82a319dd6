package dev.outpost.r2.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Every {@code outpost.r2.*} key; defaults documented in the module README. */
@ConfigMapping(prefix = "outpost.r2")
public interface R2Config {

    /** The S3-compatible backend (MinIO; S3Proxy locally and in tests). */
    Backend s3();

    /** Bearer token for the Cloudflare-style REST API until the control plane's shared tokens arrive. */
    @WithDefault("outpost-dev-token")
    String apiToken();

    /** Credentials clients use against Outpost's own S3-compatible API. */
    S3Api s3Api();

    Limits limits();

    interface Backend {
        @WithDefault("http://127.0.0.1:19000")
        String endpoint();

        @WithDefault("outpost")
        String accessKey();

        @WithDefault("outpost-secret")
        String secretKey();

        @WithDefault("us-east-1")
        String region();

        /** Backend bucket that records which Outpost buckets exist (name, account, creation details). */
        @WithDefault("outpost-r2-catalog")
        String catalogBucket();

        /** Seconds the readiness check waits for the backend. */
        @WithDefault("3")
        int healthTimeoutSeconds();

        /** Bytes read from a backend connection per system call (0: Okio's 8 KiB reads, unbuffered). */
        @WithDefault("131072")
        int readBufferBytes();

        /**
         * Bytes written to a backend connection per system call at most, collected until full or flushed (0: Okio's
         * 8 KiB writes, unbuffered).
         */
        @WithDefault("131072")
        int writeBufferBytes();
    }

    interface S3Api {
        @WithDefault("outpost-dev-key")
        String accessKeyId();

        @WithDefault("outpost-dev-secret")
        String secretAccessKey();

        /** The account the key pair above acts for (the control plane will attach keys to API tokens). */
        @WithDefault("local")
        String accountId();

        /**
         * Also accept the key pairs of control-plane API tokens with an R2 scope (access key id = token id, secret =
         * SHA-256 of the token, as on R2), resolved through the gateway's gRPC API (quarkus.grpc.clients.gateway.*).
         */
        @WithDefault("true")
        boolean tokenKeys();

        /** Host suffix for virtual-host style requests ({bucket}.{suffix}); empty = path style only. */
        Optional<String> virtualHostSuffix();

        /** Allowed clock skew of signed requests, seconds. */
        @WithDefault("900")
        int maxClockSkewSeconds();
    }

    interface Limits {
        /** R2-9: customMetadata keys + values, UTF-8 bytes. */
        @WithDefault("8192")
        int maxMetadataBytes();

        /** Bytes per chunk on streamed downloads (gRPC messages and HTTP writes). */
        @WithDefault("262144")
        int chunkBytes();

        /** Bytes an upload may hold in memory between the client and the backend before the client is paused. */
        @WithDefault("4194304")
        int uploadBufferBytes();

        /** Parallel HEADs when a list must include metadata S3 listings do not carry. */
        @WithDefault("8")
        int listMetadataConcurrency();
    }
}
