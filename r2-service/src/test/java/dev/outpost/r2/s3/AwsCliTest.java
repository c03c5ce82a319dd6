package dev.outpost.r2.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.r2.support.S3Clients;
import dev.outpost.r2.support.S3ProxyResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The S3 API driven by the AWS CLI (Debian package awscli, /usr/bin/aws, or an {@code aws} on PATH), a second real client no one
 * here wrote: upload (single and multipart), download, ranges, delimiter listing, presigned GET,
 * conditional requests, removal, and a refused bad secret. Skipped where the CLI is not installed, except under
 * {@code bin/outpost test} ({@code OUTPOST_REQUIRE_TEST_TOOLS=1}), which installs it and fails without it.
 */
@QuarkusTest
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = false)
class AwsCliTest {

    @TestHTTPResource("/")
    URL url;

    record Run(int exit, String out, String err) {
    }

    /** Debian's /usr/bin/aws, else the first {@code aws} on PATH (pip or pyenv installs); null when there is none. */
    private static String awsBinary() {
        if (new File("/usr/bin/aws").canExecute()) {
            return "/usr/bin/aws";
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            File candidate = new File(dir.isEmpty() ? "." : dir, "aws");
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }

    private Run aws(Path home, String secret, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(awsBinary());
        command.add("--endpoint-url");
        command.add("http://127.0.0.1:" + url.getPort());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_ACCESS_KEY_ID", S3Clients.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_DEFAULT_REGION", "auto");
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.remove("AWS_PROFILE");
        env.remove("AWS_ENDPOINT_URL");
        pb.redirectOutput(home.resolve("out.txt").toFile());
        pb.redirectError(home.resolve("err.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " timed out");
        }
        return new Run(p.exitValue(), Files.readString(home.resolve("out.txt")), Files.readString(home.resolve("err.txt")));
    }

    private Run ok(Path home, String... args) throws Exception {
        Run r = aws(home, S3Clients.SECRET_KEY, args);
        assertEquals(0, r.exit(), "aws " + String.join(" ", args) + "\n" + r.err());
        return r;
    }

    @Test
    void awsCliUploadsDownloadsListsAndPresigns() throws Exception {
        if (awsBinary() == null) {
            String missing = "the AWS CLI (Debian awscli, /usr/bin/aws or aws on PATH) is not installed";
            // bin/outpost test installs it and forbids skipping: the suite must not pass without this test
            assertNotEquals("1", System.getenv("OUTPOST_REQUIRE_TEST_TOOLS"), missing);
            Assumptions.abort(missing);
        }
        Path home = Files.createTempDirectory("awscli");
        Files.writeString(home.resolve("config"), "[default]\nregion = auto\ns3 =\n    addressing_style = path\n");
        String bucket = "cli-" + UUID.randomUUID().toString().substring(0, 12);
        ok(home, "s3", "mb", "s3://" + bucket);
        assertTrue(ok(home, "s3", "ls").out().contains(bucket));

        Path small = home.resolve("small.txt");
        Files.writeString(small, "hello from the aws cli\n");
        Path big = home.resolve("big.bin");
        byte[] bigBytes = new byte[20 * 1024 * 1024 + 123];
        new Random(5).nextBytes(bigBytes);
        Files.write(big, bigBytes);
        ok(home, "s3", "cp", small.toString(), "s3://" + bucket + "/docs/small.txt");
        ok(home, "s3", "cp", big.toString(), "s3://" + bucket + "/data/big.bin"); // 8 MiB multipart parts

        String root = ok(home, "s3", "ls", "s3://" + bucket + "/").out();
        assertTrue(root.contains("PRE docs/") && root.contains("PRE data/"), root);
        assertTrue(ok(home, "s3", "ls", "s3://" + bucket + "/data/").out().contains("big.bin"));

        Path back = home.resolve("back.bin");
        ok(home, "s3", "cp", "s3://" + bucket + "/data/big.bin", back.toString());
        assertArrayEquals(bigBytes, Files.readAllBytes(back));
        String head = ok(home, "s3api", "head-object", "--bucket", bucket, "--key", "data/big.bin").out();
        assertTrue(head.contains("-3\\\""), "multipart ETag of three parts: " + head);

        Path range = home.resolve("range.txt");
        ok(home, "s3api", "get-object", "--bucket", bucket, "--key", "docs/small.txt", "--range", "bytes=0-4",
                range.toString());
        assertEquals("hello", Files.readString(range));

        String etag = ok(home, "s3api", "head-object", "--bucket", bucket, "--key", "docs/small.txt",
                "--query", "ETag", "--output", "text").out().trim();
        Run notModified = aws(home, S3Clients.SECRET_KEY, "s3api", "get-object", "--bucket", bucket, "--key",
                "docs/small.txt", "--if-none-match", etag, home.resolve("nm.txt").toString());
        assertNotEquals(0, notModified.exit());
        assertTrue(notModified.err().contains("304"), notModified.err());
        Run failed = aws(home, S3Clients.SECRET_KEY, "s3api", "get-object", "--bucket", bucket, "--key",
                "docs/small.txt", "--if-match", "\"nope\"", home.resolve("pf.txt").toString());
        assertTrue(failed.err().contains("412") || failed.err().contains("PreconditionFailed"), failed.err());

        String presigned = ok(home, "s3", "presign", "s3://" + bucket + "/docs/small.txt", "--expires-in", "300")
                .out().trim();
        HttpResponse<String> got = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(presigned)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, got.statusCode(), got.body());
        assertEquals("hello from the aws cli\n", got.body());

        Run refused = aws(home, "not-the-secret", "s3", "ls", "s3://" + bucket + "/");
        assertNotEquals(0, refused.exit());
        assertTrue(refused.err().contains("SignatureDoesNotMatch"), refused.err());

        ok(home, "s3", "rm", "--recursive", "s3://" + bucket + "/");
        ok(home, "s3", "rb", "s3://" + bucket);
        String after = new String(ok(home, "s3", "ls").out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertTrue(!after.contains(bucket), after);
    }
}
