package dev.outpost.localstack.cli;

import dev.outpost.localstack.config.Credentials;
import dev.outpost.localstack.config.PortPlan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliSettingsTest {
    @Test
    void defaultsToTheRepoDotOutpostAndNoOffset() {
        CliSettings s = CliSettings.from(Map.of(), "/repo", Path.of("/elsewhere"));
        assertEquals(Path.of("/repo"), s.repoDir());
        assertEquals(Path.of("/repo/.outpost"), s.stateDir());
        assertEquals(0, s.ports().offset());
    }

    @Test
    void environmentOverridesStateDirAndOffset() {
        CliSettings s = CliSettings.from(Map.of("OUTPOST_HOME", "state", "OUTPOST_PORT_OFFSET", "100"), null, Path.of("/work"));
        assertEquals(Path.of("/work"), s.repoDir());
        assertEquals(Path.of("/work/state"), s.stateDir());
        assertEquals(100, s.ports().offset());
        assertTrue(assertThrows(UsageException.class, () -> CliSettings.from(Map.of("OUTPOST_PORT_OFFSET", "99999"), "/r", Path.of("/")))
                .getMessage().startsWith("OUTPOST_PORT_OFFSET"));
    }

    @Test
    void envPrintsWranglerAndS3Exports() {
        List<String> lines = EnvExports.lines(new PortPlan(0),
                new Credentials("0123456789abcdef0123456789abcdef", "tok-en_1", "6f1c2f9e-3b5a-4c1d-9e8f-0a1b2c3d4e5f", "AK", "SK", "pw", "c2VjcmV0cy1rZXk="));
        assertEquals(List.of(
                "export CLOUDFLARE_API_BASE_URL=http://127.0.0.1:8080/client/v4",
                "export CLOUDFLARE_API_TOKEN=tok-en_1",
                "export CLOUDFLARE_ACCOUNT_ID=0123456789abcdef0123456789abcdef",
                "export WRANGLER_SEND_METRICS=false",
                "# R2's S3 API, as on R2: the access key id is the API token's id, the secret the token's SHA-256",
                "export AWS_ENDPOINT_URL=http://127.0.0.1:8082",
                "export AWS_ACCESS_KEY_ID=6f1c2f9e3b5a4c1d9e8f0a1b2c3d4e5f",
                // sha256("tok-en_1")
                "export AWS_SECRET_ACCESS_KEY=a14aa41bfb482e0eed6d7fe5ff8073839f9ce2cd4287d9e30cea8961df979db8",
                "export AWS_DEFAULT_REGION=auto"), lines);
        assertEquals("'it'\\''s'", EnvExports.shellQuote("it's"));
    }

    @Test
    void usageErrorsExitWith2AndPrintUsage() {
        var err = new java.io.ByteArrayOutputStream();
        int code = OutpostCli.run(List.of("deploy"), Map.of(), "/repo", new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("deploy needs a file or folder") && err.toString().contains("usage: outpost"), err.toString());
    }
}
