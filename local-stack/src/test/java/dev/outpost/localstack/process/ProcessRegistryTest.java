package dev.outpost.localstack.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessRegistryTest {
    @TempDir
    Path dir;

    private Process sleeper(String marker) throws Exception {
        // sh -c 'exec sleep 60' MARKER: the marker becomes $0 and so part of the command line
        return new ProcessBuilder("sh", "-c", "sleep 60", marker).start();
    }

    @Test
    void stopsItsOwnProcessAndRemovesThePidFile() throws Exception {
        String marker = "-Doutpost.local-stack.home=" + dir;
        ProcessRegistry registry = new ProcessRegistry(marker);
        Process p = sleeper(marker);
        try {
            Path pidFile = dir.resolve("run/x.pid");
            registry.writePid(pidFile, p.pid());
            assertEquals(p.pid(), registry.running(pidFile).orElseThrow().pid());
            assertEquals(p.pid(), registry.stop(pidFile).orElseThrow());
            assertTrue(p.waitFor(5, TimeUnit.SECONDS));
            assertFalse(Files.exists(pidFile));
            assertTrue(registry.stop(pidFile).isEmpty(), "stopping again is a no-op");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void neverSignalsAProcessWithoutTheMarker() throws Exception {
        ProcessRegistry registry = new ProcessRegistry("-Doutpost.local-stack.home=" + dir);
        Process stranger = sleeper("-Doutpost.local-stack.home=/some/other/stack");
        try {
            Path pidFile = dir.resolve("run/x.pid");
            registry.writePid(pidFile, stranger.pid()); // e.g. a recycled pid
            assertTrue(registry.running(pidFile).isEmpty());
            assertTrue(registry.stop(pidFile).isEmpty());
            assertTrue(stranger.isAlive(), "someone else's process must survive");
            assertFalse(Files.exists(pidFile), "the stale pid file is cleaned up");
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void garbageOrMissingPidFilesMeanNotRunning() throws Exception {
        ProcessRegistry registry = new ProcessRegistry("marker");
        Path pidFile = dir.resolve("x.pid");
        assertTrue(registry.running(pidFile).isEmpty());
        Files.writeString(pidFile, "not a pid\n");
        assertTrue(registry.running(pidFile).isEmpty());
        Files.writeString(pidFile, "999999999\n");
        assertTrue(registry.running(pidFile).isEmpty());
    }
}
