package dev.outpost.runtime.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, from /proc (Linux); 0 where unavailable. */
final class ProcessMemory {
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE_SIZE = 4096;
    private static volatile boolean available = Files.isReadable(STATM);

    private ProcessMemory() {
    }

    static long residentBytes() {
        if (!available) {
            return 0;
        }
        try {
            String statm = Files.readString(STATM);
            int first = statm.indexOf(' ');
            int second = statm.indexOf(' ', first + 1);
            return Long.parseLong(statm.substring(first + 1, second)) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            available = false;
            return 0;
        }
    }
}
