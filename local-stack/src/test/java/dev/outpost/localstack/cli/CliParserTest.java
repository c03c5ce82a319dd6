package dev.outpost.localstack.cli;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.deploy.DeployRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliParserTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static CliCommand parse(String... args) {
        return CliParser.parse(List.of(args), TODAY);
    }

    static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void simpleCommands() {
        assertInstanceOf(CliCommand.Down.class, parse("down"));
        assertInstanceOf(CliCommand.Status.class, parse("status"));
        assertInstanceOf(CliCommand.Env.class, parse("env"));
        assertInstanceOf(CliCommand.Help.class, parse("--help"));
        assertEquals(new CliCommand.Up(List.of()), parse("up"));
        assertEquals(new CliCommand.Up(List.of(Component.KV, Component.POSTGRES)), parse("up", "kv", "postgres"));
    }

    @Test
    void wrongCommandsAreUsageErrors() {
        assertTrue(usageError().contains("no command"));
        assertTrue(usageError("start").contains("unknown command 'start'"));
        assertTrue(usageError("status", "now").contains("takes no arguments"));
        assertTrue(usageError("up", "mysql").contains("unknown component 'mysql'"));
    }

    @Test
    void logsTakesAComponentFollowAndLineCount() {
        assertEquals(new CliCommand.Logs(Optional.empty(), false, 40), parse("logs"));
        assertEquals(new CliCommand.Logs(Optional.of(Component.KAFKA), true, 40), parse("logs", "kafka", "-f"));
        assertEquals(new CliCommand.Logs(Optional.of(Component.GATEWAY), true, 5), parse("logs", "-n", "5", "--follow", "gateway"));
        assertTrue(usageError("logs", "-n", "x").contains("number"));
        assertTrue(usageError("logs", "kv", "d1").contains("one component"));
        assertTrue(usageError("logs", "--tail").contains("unknown option"));
    }

    @Test
    void deployCollectsVarsKvBindingsFlagsAndDefaultsTheDateToToday() {
        DeployRequest r = ((CliCommand.Deploy) parse("deploy", "examples/hello", "--name", "hello",
                "--var", "GREETING=Hi there", "--var", "EMPTY=", "--var", "URL=a=b",
                "--kv", "KV=hello-kv", "--compatibility-flag", "nodejs_compat", "--compatibility-flag", "x")).request();
        assertEquals(Path.of("examples/hello"), r.source());
        assertEquals("hello", r.name());
        assertEquals(Map.of("GREETING", "Hi there", "EMPTY", "", "URL", "a=b"), r.vars());
        assertEquals(List.of("GREETING", "EMPTY", "URL"), List.copyOf(r.vars().keySet()), "order as given");
        assertEquals(Map.of("KV", "hello-kv"), r.kvNamespaces());
        assertEquals(List.of("nodejs_compat", "x"), r.compatibilityFlags());
        assertEquals(TODAY, r.compatibilityDate());
        assertNull(r.main());
    }

    @Test
    void deployAcceptsEqualsStyleOptionsAndAnExplicitDateAndMain() {
        DeployRequest r = ((CliCommand.Deploy) parse("deploy", "--name=w1", "--compatibility-date=2024-09-23",
                "--main", "src/worker.mjs", "dir")).request();
        assertEquals("w1", r.name());
        assertEquals(LocalDate.of(2024, 9, 23), r.compatibilityDate());
        assertEquals("src/worker.mjs", r.main());
        assertEquals(Path.of("dir"), r.source());
    }

    @Test
    void deployRejectsBadInputWithAClearMessage() {
        assertTrue(usageError("deploy", "--name", "x").contains("needs a file or folder"));
        assertTrue(usageError("deploy", "dir").contains("needs --name"));
        assertTrue(usageError("deploy", "dir", "--name", "../etc").contains("--name must be"));
        assertTrue(usageError("deploy", "dir", "--name", "x", "--var", "NOVALUE").contains("NAME=VALUE"));
        assertTrue(usageError("deploy", "dir", "--name", "x", "--var", "1BAD=v").contains("not a valid binding name"));
        assertTrue(usageError("deploy", "dir", "--name", "x", "--kv", "KV=").contains("namespace title"));
        assertTrue(usageError("deploy", "dir", "--name", "x", "--compatibility-date", "28.11.2026").contains("YYYY-MM-DD"));
        assertTrue(usageError("deploy", "dir", "--name", "x", "--var", "A=1", "--kv", "A=ns").contains("used twice"));
        assertTrue(usageError("deploy", "dir", "--name").contains("needs a value"));
        assertTrue(usageError("deploy", "a", "b", "--name", "x").contains("one file or folder"));
        assertTrue(usageError("deploy", "a", "--name", "x", "--routes", "r").contains("unknown option --routes"));
    }
}
