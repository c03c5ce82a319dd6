package dev.outpost.localstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.localstack.deploy.DeployRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy <dir>}: a folder with a wrangler configuration needs no --name and keeps the file's date. */
class DeployWithWranglerConfigParserTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @TempDir
    Path dir;

    DeployRequest parse(String... args) {
        return ((CliCommand.Deploy) CliParser.parse(List.of(args), TODAY)).request();
    }

    @Test
    void aConfiguredFolderNeedsNoName() throws Exception {
        Files.writeString(dir.resolve("wrangler.toml"), "name = \"w\"\n");
        DeployRequest r = parse("deploy", dir.toString());
        assertNull(r.name());
        assertNull(r.compatibilityDate(), "left to the file (or today)");
        assertEquals(LocalDate.of(2024, 2, 3), parse("deploy", dir.toString(), "--compatibility-date", "2024-02-03")
                .compatibilityDate());
    }

    @Test
    void aPlainFolderStillNeedsOne() {
        UsageException e = assertThrows(UsageException.class, () -> parse("deploy", dir.toString()));
        assertTrue(e.getMessage().contains("--name"), e.getMessage());
    }
}
