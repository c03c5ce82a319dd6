package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * R2-10: r2-service's S3 API driven by S3 clients that no one here wrote, each through upload, download, ranges,
 * multipart, listing, presigned URLs and conditional requests, against the real stack (S3Proxy + r2-service as
 * processes): s3cmd, rclone and boto3 (Debian packages), the latest AWS SDK for JavaScript v3 with its default
 * flexible checksums (aws-chunked bodies with trailing CRC32), and the AWS SDK for Java v2 in virtual-hosted
 * style. The boto3 script also carries checks taken from ceph's s3-tests (error codes, list edge cases, copy
 * directives, multipart rules). {@code bin/outpost test} installs every client; see {@link ExternalClient}.
 */
class S3ClientsEndToEndTest {
    static final int OFFSET = 1250;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Random RANDOM = new Random(1250);

    @TempDir
    static Path state;
    static LocalStack stack;
    static String endpoint;
    static String keyId;
    static String secret;

    @BeforeAll
    static void start() {
        stack = ItStack.builder(state, OFFSET, Component.S3, Component.R2)
                // R2-10 virtual-hosted style: {bucket}.localhost:<port>
                .systemProperty(Component.R2, "outpost.r2.s3-api.virtual-host-suffix", "localhost")
                .build();
        stack.start();
        endpoint = stack.url(Component.R2);
        // the static key pair of the local account (what the launcher configures r2-service with)
        keyId = stack.credentials().accountId();
        secret = stack.credentials().apiToken();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static Map<String, String> awsEnv(String prefix) {
        return Map.of("S3_ENDPOINT", endpoint, "AWS_ACCESS_KEY_ID", keyId, "AWS_SECRET_ACCESS_KEY", secret,
                "AWS_DEFAULT_REGION", "auto", "BUCKET_PREFIX", prefix);
    }

    static Path resource(Path dir, String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = S3ClientsEndToEndTest.class.getResourceAsStream("/s3clients/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A script's own checks: each one written ({@code declaration} lines) must print "ok", none "FAIL". */
    static void assertChecksPassed(ExternalClient.Run run, Path script, String declaration) throws Exception {
        String what = script.getFileName().toString();
        long expectedChecks = Files.readAllLines(script).stream().filter(l -> l.matches(declaration)).count();
        assertTrue(expectedChecks > 5, what);
        run.expectSuccess(what);
        long ok = run.out().lines().filter(l -> l.startsWith("ok ")).count();
        assertFalse(run.out().contains("FAIL "), run.out());
        assertEquals(expectedChecks, ok, what + " ran fewer checks than written:\n" + run.out());
    }

    // ------------------------------------------------------------------ boto3

    @Test
    void boto3FromDebianPassesTheS3TestsDerivedChecks(@TempDir Path dir) throws Exception {
        // Debian's python3 with python3-boto3 (bin/outpost test installs it), else a python3 on PATH with boto3
        String python = ExternalClient.require("python3 with boto3 (apt-get install python3-boto3)",
                p -> ExternalClient.succeeds(p, "-c", "import boto3"), "/usr/bin/python3", "python3");
        Path script = resource(dir, "boto3_flows.py");
        ExternalClient.Run run = ExternalClient.run(dir, awsEnv("boto3"), List.of(python, script.toString()));
        assertChecksPassed(run, script, "^def check_\\w+\\(\\):$");
    }

    // ------------------------------------------------------------------ AWS SDK for JavaScript v3

    @Test
    void awsSdkJsV3WithDefaultChecksums(@TempDir Path dir) throws Exception {
        String node = ExternalClient.require("Node.js (apt-get install nodejs npm)", "node");
        Path modules = NpmPackages.ensure(ItStack.REPO, "integration-tests/aws-sdk-js", "aws-sdk-js");
        Path script = resource(dir, "aws_sdk_js_flows.cjs");
        Map<String, String> env = new HashMap<>(awsEnv("sdkjs"));
        env.put("NODE_PATH", modules.toString());
        env.put("AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", "1");
        ExternalClient.Run run = ExternalClient.run(dir, env, List.of(node, "--no-warnings", script.toString()));
        assertChecksPassed(run, script, "^  async \\w+\\(\\) \\{$");
    }

    // ------------------------------------------------------------------ s3cmd

    ExternalClient.Run s3cmd(Path dir, Path config, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ExternalClient.require("s3cmd (apt-get install s3cmd)", "/usr/bin/s3cmd", "s3cmd"),
                "-c", config.toString(), "--no-progress"));
        command.addAll(Arrays.asList(args));
        return ExternalClient.run(dir, Map.of(), command);
    }

    static Path s3cmdConfig(Path dir, String secretKey) throws Exception {
        String hostPort = URI.create(endpoint).getAuthority();
        // path style (host_bucket without %(bucket)s), SigV4, plain HTTP
        return Files.writeString(dir.resolve("s3cfg-" + secretKey.hashCode()), String.join("\n",
                "[default]", "access_key = " + keyId, "secret_key = " + secretKey, "host_base = " + hostPort,
                "host_bucket = " + hostPort, "use_https = False", "signature_v2 = False", "bucket_location = auto",
                "check_ssl_certificate = False", ""));
    }

    @Test
    void s3cmdUploadsSyncsCopiesAndRemoves(@TempDir Path dir) throws Exception {
        Path cfg = s3cmdConfig(dir, secret);
        assertTrue(s3cmd(dir, cfg, "mb", "s3://s3cmd-bucket").expectSuccess("s3cmd mb").out().contains("created"));
        byte[] big = randomBytes(11 * 1024 * 1024 + 7);
        Files.write(dir.resolve("big.bin"), big);
        Files.writeString(dir.resolve("small.txt"), "small file\n");
        // multipart: 5 MiB parts, 3 of them
        s3cmd(dir, cfg, "put", "--multipart-chunk-size-mb=5", "big.bin", "s3://s3cmd-bucket/big.bin")
                .expectSuccess("s3cmd put (multipart)");
        s3cmd(dir, cfg, "put", "--mime-type=text/plain", "small.txt", "s3://s3cmd-bucket/dir/small.txt")
                .expectSuccess("s3cmd put");
        // listing with and without delimiter
        String top = s3cmd(dir, cfg, "ls", "s3://s3cmd-bucket").expectSuccess("s3cmd ls").out();
        assertTrue(top.contains("DIR  s3://s3cmd-bucket/dir/"), top);
        assertTrue(top.contains(big.length + "  s3://s3cmd-bucket/big.bin"), top);
        String all = s3cmd(dir, cfg, "ls", "-r", "s3://s3cmd-bucket").expectSuccess("s3cmd ls -r").out();
        assertTrue(all.contains("s3://s3cmd-bucket/dir/small.txt"), all);
        // download and compare
        s3cmd(dir, cfg, "get", "--force", "s3://s3cmd-bucket/big.bin", "big.out").expectSuccess("s3cmd get");
        assertArrayEquals(big, Files.readAllBytes(dir.resolve("big.out")));
        String info = s3cmd(dir, cfg, "info", "s3://s3cmd-bucket/dir/small.txt").expectSuccess("s3cmd info").out();
        assertTrue(info.contains("File size: 11") && info.contains("MIME type: text/plain"), info);
        // sync a tree with awkward names; a second sync finds nothing to do
        Path tree = Files.createDirectories(dir.resolve("tree/a b/c+d"));
        Files.writeString(tree.resolve("x y.txt"), "x");
        Files.writeString(dir.resolve("tree/ünï.txt"), "u");
        Files.writeString(dir.resolve("tree/100%.txt"), "p");
        String sync = s3cmd(dir, cfg, "sync", "tree/", "s3://s3cmd-bucket/tree/").expectSuccess("s3cmd sync").out();
        assertEquals(3, sync.lines().filter(l -> l.startsWith("upload:")).count(), sync);
        String again = s3cmd(dir, cfg, "sync", "tree/", "s3://s3cmd-bucket/tree/").expectSuccess("s3cmd sync 2").out();
        assertFalse(again.contains("upload:"), again);
        String got = s3cmd(dir, cfg, "get", "s3://s3cmd-bucket/tree/a b/c+d/x y.txt", "-").expectSuccess("get -").out();
        assertEquals("x", got);
        // server-side copy, move and a metadata change (CopyObject with REPLACE)
        s3cmd(dir, cfg, "cp", "s3://s3cmd-bucket/dir/small.txt", "s3://s3cmd-bucket/dir/copy.txt").expectSuccess("cp");
        s3cmd(dir, cfg, "mv", "s3://s3cmd-bucket/dir/copy.txt", "s3://s3cmd-bucket/dir/moved.txt").expectSuccess("mv");
        s3cmd(dir, cfg, "modify", "--add-header=Cache-Control: max-age=5", "s3://s3cmd-bucket/dir/moved.txt")
                .expectSuccess("modify");
        try (S3Client java = javaClient(true)) {
            HeadObjectResponse head = java.headObject(b -> b.bucket("s3cmd-bucket").key("dir/moved.txt"));
            assertEquals("max-age=5", head.cacheControl());
            assertEquals("text/plain", head.contentType());
            assertThrows(S3Exception.class, () -> java.headObject(b -> b.bucket("s3cmd-bucket").key("dir/copy.txt")));
        }
        String du = s3cmd(dir, cfg, "du", "s3://s3cmd-bucket").expectSuccess("du").out();
        assertTrue(du.contains("6 objects"), du);
        // a wrong secret is refused with S3's error code
        ExternalClient.Run refused = s3cmd(dir, s3cmdConfig(dir, "wrong-secret"), "ls", "s3://s3cmd-bucket");
        assertNotEquals(0, refused.exit());
        assertTrue(refused.err().contains("SignatureDoesNotMatch"), refused.err());
        // recursive removal
        s3cmd(dir, cfg, "rb", "--recursive", "--force", "s3://s3cmd-bucket").expectSuccess("rb --recursive");
        ExternalClient.Run gone = s3cmd(dir, cfg, "ls", "s3://s3cmd-bucket");
        assertNotEquals(0, gone.exit());
        assertTrue(gone.err().contains("NoSuchBucket"), gone.err());
    }

    // ------------------------------------------------------------------ rclone

    ExternalClient.Run rclone(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ExternalClient.require("rclone (apt-get install rclone)", "/usr/bin/rclone", "rclone"),
                "--retries", "1", "--low-level-retries", "1", "--config", "/dev/null"));
        command.addAll(Arrays.asList(args));
        Map<String, String> env = Map.of("RCLONE_CONFIG_OUTPOST_TYPE", "s3", "RCLONE_CONFIG_OUTPOST_PROVIDER", "Other",
                "RCLONE_CONFIG_OUTPOST_ENDPOINT", endpoint, "RCLONE_CONFIG_OUTPOST_ACCESS_KEY_ID", keyId,
                "RCLONE_CONFIG_OUTPOST_SECRET_ACCESS_KEY", secret, "RCLONE_CONFIG_OUTPOST_REGION", "auto",
                "RCLONE_CONFIG_OUTPOST_FORCE_PATH_STYLE", "true");
        return ExternalClient.run(dir, env, command);
    }

    @Test
    void rcloneCopiesChecksServesRangesAndLinks(@TempDir Path dir) throws Exception {
        rclone(dir, "mkdir", "outpost:rclone-bucket").expectSuccess("rclone mkdir");
        Path tree = Files.createDirectories(dir.resolve("tree/sub dir"));
        Files.writeString(tree.resolve("a+b.txt"), "alpha");
        Files.writeString(dir.resolve("tree/ключ.txt"), "key");
        Files.write(dir.resolve("tree/blob.bin"), randomBytes(200_000));
        rclone(dir, "copy", "tree", "outpost:rclone-bucket/tree").expectSuccess("rclone copy");
        // md5 of every file against the ETags
        String check = rclone(dir, "check", "tree", "outpost:rclone-bucket/tree").expectSuccess("rclone check").err();
        assertTrue(check.contains("0 differences found") && check.contains("3 matching files"), check);
        // multipart: 5 MiB chunks
        byte[] big = randomBytes(12 * 1024 * 1024 + 3);
        Files.write(dir.resolve("big.bin"), big);
        rclone(dir, "copyto", "big.bin", "outpost:rclone-bucket/big.bin", "--s3-upload-cutoff", "5M",
                "--s3-chunk-size", "5M").expectSuccess("rclone copyto (multipart)");
        JsonNode listing = JSON.readTree(rclone(dir, "lsjson", "-R", "outpost:rclone-bucket").expectSuccess("lsjson").out());
        Map<String, Long> sizes = new HashMap<>();
        listing.forEach(n -> sizes.put(n.path("Path").asText(), n.path("Size").asLong()));
        assertEquals(big.length, sizes.get("big.bin"), listing.toString());
        assertEquals(5L, sizes.get("tree/sub dir/a+b.txt"), listing.toString());
        assertEquals(3L, sizes.get("tree/ключ.txt"), listing.toString());
        // ranges
        String part = rclone(dir, "cat", "outpost:rclone-bucket/tree/sub dir/a+b.txt", "--offset", "1", "--count", "3")
                .expectSuccess("rclone cat range").out();
        assertEquals("lph", part);
        rclone(dir, "copyto", "outpost:rclone-bucket/big.bin", "big.out").expectSuccess("rclone download");
        assertArrayEquals(big, Files.readAllBytes(dir.resolve("big.out")));
        // a presigned GET URL
        String link = rclone(dir, "link", "outpost:rclone-bucket/tree/sub dir/a+b.txt", "--expire", "1h")
                .expectSuccess("rclone link").out().trim();
        assertTrue(link.contains("X-Amz-Signature="), link);
        HttpResponse<String> viaLink = ItStack.HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, viaLink.statusCode(), viaLink.body());
        assertEquals("alpha", viaLink.body());
        // server-side move, delete, purge
        rclone(dir, "moveto", "outpost:rclone-bucket/tree/ключ.txt", "outpost:rclone-bucket/moved/ключ.txt")
                .expectSuccess("rclone moveto");
        String files = rclone(dir, "lsf", "-R", "outpost:rclone-bucket").expectSuccess("lsf").out();
        assertTrue(files.contains("moved/ключ.txt") && !files.contains("tree/ключ.txt"), files);
        rclone(dir, "purge", "outpost:rclone-bucket").expectSuccess("rclone purge");
        String buckets = rclone(dir, "lsd", "outpost:").expectSuccess("rclone lsd").out();
        assertFalse(buckets.contains("rclone-bucket"), buckets);
    }

    // ------------------------------------------------------------------ AWS SDK for Java v2, virtual-hosted style

    /** Resolves every *.localhost name to 127.0.0.1, as browsers and curl do (glibc does not). */
    static final DnsResolver LOCALHOST_NAMES = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            if (host.equals("localhost") || host.endsWith(".localhost")) {
                return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            }
            return InetAddress.getAllByName(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    };

    static S3Client javaClient(boolean pathStyle) {
        URI uri = pathStyle ? URI.create(endpoint) : URI.create("http://localhost:" + stack.port(Component.R2));
        return S3Client.builder().endpointOverride(uri).region(Region.of("auto"))
                .httpClient(Apache5HttpClient.builder().dnsResolver(LOCALHOST_NAMES).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .forcePathStyle(pathStyle).build();
    }

    @Test
    void javaSdkInVirtualHostedStyle() throws Exception {
        try (S3Client vh = javaClient(false)) {
            vh.createBucket(b -> b.bucket("vhost-bucket"));
            vh.putObject(b -> b.bucket("vhost-bucket").key("dir/hello.txt").contentType("text/plain"),
                    RequestBody.fromString("virtual host"));
            assertEquals("virtual host",
                    vh.getObjectAsBytes(b -> b.bucket("vhost-bucket").key("dir/hello.txt")).asUtf8String());
            assertEquals(List.of("dir/"), vh.listObjectsV2(b -> b.bucket("vhost-bucket").delimiter("/"))
                    .commonPrefixes().stream().map(p -> p.prefix()).toList());
            assertEquals("ual", vh.getObjectAsBytes(b -> b.bucket("vhost-bucket").key("dir/hello.txt")
                    .range("bytes=4-6")).asUtf8String());
        }
        // ... the same object path-style
        try (S3Client path = javaClient(true)) {
            assertEquals("virtual host",
                    path.getObjectAsBytes(b -> b.bucket("vhost-bucket").key("dir/hello.txt")).asUtf8String());
        }
    }

    static HttpResponse<String> preflight(String path, String origin, String method, String headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            b.header("Access-Control-Request-Headers", headers);
        }
        return ItStack.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bucketCorsAnswersBrowserPreflightsAndRequests() throws Exception {
        try (S3Client java = javaClient(true)) {
            java.createBucket(b -> b.bucket("cors-bucket"));
            java.putObject(b -> b.bucket("cors-bucket").key("page.txt"), RequestBody.fromString("for the browser"));
            // no configuration yet: S3's 404, and preflights are refused
            S3Exception none = assertThrows(S3Exception.class, () -> java.getBucketCors(b -> b.bucket("cors-bucket")));
            assertEquals("NoSuchCORSConfiguration", none.awsErrorDetails().errorCode());
            HttpResponse<String> refused = preflight("/cors-bucket/page.txt", "https://app.example", "GET", null);
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("<Code>AccessForbidden</Code>"), refused.body());
            java.putBucketCors(b -> b.bucket("cors-bucket").corsConfiguration(c -> c.corsRules(
                    r -> r.allowedOrigins("https://*.example").allowedMethods("GET", "PUT")
                            .allowedHeaders("content-type", "x-amz-*").exposeHeaders("ETag").maxAgeSeconds(600),
                    r -> r.allowedOrigins("*").allowedMethods("HEAD"))));
            var rules = java.getBucketCors(b -> b.bucket("cors-bucket")).corsRules();
            assertEquals(2, rules.size());
            assertEquals(List.of("https://*.example"), rules.get(0).allowedOrigins());
        }
        // a preflight the first rule allows
        HttpResponse<String> ok = preflight("/cors-bucket/page.txt", "https://app.example", "PUT",
                "Content-Type, X-Amz-Date");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("https://app.example", ok.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("GET, PUT", ok.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
        assertEquals("Content-Type, X-Amz-Date", ok.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
        assertEquals("600", ok.headers().firstValue("Access-Control-Max-Age").orElse(null));
        // ... and ones no rule allows: another origin, method or header
        assertEquals(403, preflight("/cors-bucket/page.txt", "https://evil.test", "GET", null).statusCode());
        assertEquals(403, preflight("/cors-bucket/page.txt", "https://app.example", "DELETE", null).statusCode());
        assertEquals(403, preflight("/cors-bucket/page.txt", "https://app.example", "GET", "x-custom").statusCode());
        assertEquals("*", preflight("/cors-bucket/page.txt", "https://any.test", "HEAD", null).headers()
                .firstValue("Access-Control-Allow-Origin").orElse(null));
        // the actual (presigned) request from the page carries the allow headers
        String url;
        try (software.amazon.awssdk.services.s3.presigner.S3Presigner presigner = software.amazon.awssdk.services.s3
                .presigner.S3Presigner.builder().endpointOverride(URI.create(endpoint)).region(Region.of("auto"))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true)
                        .build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .build()) {
            url = presigner.presignGetObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("cors-bucket").key("page.txt"))).url().toString();
        }
        HttpResponse<String> got = ItStack.HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Origin", "https://app.example").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, got.statusCode(), got.body());
        assertEquals("for the browser", got.body());
        assertEquals("https://app.example", got.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("ETag", got.headers().firstValue("Access-Control-Expose-Headers").orElse(null));
        try (S3Client java = javaClient(true)) {
            java.deleteBucketCors(b -> b.bucket("cors-bucket"));
        }
        assertEquals(403, preflight("/cors-bucket/page.txt", "https://app.example", "GET", null).statusCode());
    }

    @Test
    void unsupportedSubresourcesAnswerInS3XmlNeverA500() throws Exception {
        // raw requests: the answer must be S3 XML with a code, whatever the sub-resource
        Pattern code = Pattern.compile("<Code>([A-Za-z]+)</Code>");
        try (S3Client java = javaClient(true)) {
            java.createBucket(b -> b.bucket("subresources"));
        }
        for (String sub : new String[] {"website", "replication", "logging", "notification", "object-lock",
                "accelerate", "requestPayment"}) {
            HttpResponse<String> r = ItStack.HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/subresources?"
                    + sub)).build(), HttpResponse.BodyHandlers.ofString());
            // unsigned: refused before anything else, still in S3 XML
            assertEquals(403, r.statusCode(), sub + ": " + r.body());
            Matcher m = code.matcher(r.body());
            assertTrue(m.find() && m.group(1).equals("AccessDenied"), r.body());
        }
        try (S3Client java = javaClient(true)) {
            S3Exception e = assertThrows(S3Exception.class, () -> java.getBucketWebsite(b -> b.bucket("subresources")));
            assertEquals(501, e.statusCode());
            assertEquals("NotImplemented", e.awsErrorDetails().errorCode());
            e = assertThrows(S3Exception.class, () -> java.getObjectLockConfiguration(b -> b.bucket("subresources")));
            assertEquals("NotImplemented", e.awsErrorDetails().errorCode());
        }
    }
}
