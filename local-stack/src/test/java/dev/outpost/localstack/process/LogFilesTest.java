package dev.outpost.localstack.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFilesTest {
    @TempDir
    Path dir;

    @Test
    void tailReturnsTheLastLines() throws Exception {
        Path log = dir.resolve("a.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));
        assertEquals(List.of("line 99998", "line 99999", "line 100000"), LogFiles.tail(log, 3));
        assertEquals(40, LogFiles.tail(log, 40).size());
        Files.writeString(log, "only\nline-without-newline");
        assertEquals(List.of("only", "line-without-newline"), LogFiles.tail(log, 40));
        assertEquals(List.of(), LogFiles.tail(dir.resolve("missing.log"), 40));
    }

    @Test
    void followPrintsAppendedLinesWithLabels() throws Exception {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        Files.writeString(a, "old\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true);
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(300);
                Files.writeString(a, "new in a\n", StandardOpenOption.APPEND);
                Files.writeString(b, "b appears\n");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        long until = System.currentTimeMillis() + 5000;
        LogFiles.follow(Map.of("a", a, "b", b), ps, () -> out.toString().contains("b appears") || System.currentTimeMillis() > until);
        writer.join();
        String text = out.toString();
        assertTrue(text.contains("[a] new in a") && text.contains("[b] b appears") && !text.contains("old"), text);
    }
}
