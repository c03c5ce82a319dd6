package dev.outpost.r2.support;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The AWS SDK for Java v2 pointed at the service under test, as an R2 user would configure it. */
public final class S3Clients {

    public static final String ACCESS_KEY = "outpost-dev-key";
    public static final String SECRET_KEY = "outpost-dev-secret";

    private S3Clients() {
    }

    public static S3Client client(int port) {
        return client(port, ACCESS_KEY, SECRET_KEY);
    }

    public static S3Client client(int port, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.of("auto"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .httpClientBuilder(Apache5HttpClient.builder().socketTimeout(Duration.ofSeconds(60)))
                .build();
    }

    public static S3Presigner presigner(int port) {
        return S3Presigner.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.of("auto"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
