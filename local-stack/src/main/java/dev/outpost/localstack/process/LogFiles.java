package dev.outpost.localstack.process;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Reading the components' log files: the last lines, and following them as they grow. */
public final class LogFiles {
    private LogFiles() {
    }

    /** The last {@code n} lines of a file (empty if it does not exist). Reads only the file's tail. */
    public static List<String> tail(Path file, int n) {
        if (n <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long chunk = Math.min(length, Math.max(64 * 1024L, n * 400L));
            byte[] buf = new byte[(int) chunk];
            raf.seek(length - chunk);
            raf.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            String[] lines = text.split("\r?\n", -1);
            Deque<String> last = new ArrayDeque<>();
            // the first line may be cut when we did not read from the start of the file
            int first = chunk < length ? 1 : 0;
            int end = lines.length;
            if (end > 0 && lines[end - 1].isEmpty()) {
                end--;
            }
            for (int i = Math.max(first, end - n); i < end; i++) {
                last.add(lines[i]);
            }
            return new ArrayList<>(last);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Prints lines appended to the files until {@code stop} says so (like tail -F: a file that does not exist
     * yet or is truncated is picked up). With several files each line is prefixed with its label.
     */
    public static void follow(Map<String, Path> files, PrintStream out, BooleanSupplier stop) throws InterruptedException {
        Map<String, Long> positions = new LinkedHashMap<>();
        for (var e : files.entrySet()) {
            positions.put(e.getKey(), size(e.getValue()));
        }
        Map<String, StringBuilder> partial = new LinkedHashMap<>();
        boolean prefix = files.size() > 1;
        while (!stop.getAsBoolean()) {
            boolean any = false;
            for (var e : files.entrySet()) {
                String label = e.getKey();
                Path file = e.getValue();
                long size = size(file);
                long pos = positions.get(label);
                if (size < pos) {
                    pos = 0; // truncated or replaced
                }
                if (size > pos) {
                    any = true;
                    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                        raf.seek(pos);
                        byte[] buf = new byte[(int) Math.min(size - pos, 1 << 20)];
                        raf.readFully(buf);
                        pos += buf.length;
                        StringBuilder sb = partial.computeIfAbsent(label, k -> new StringBuilder());
                        sb.append(new String(buf, StandardCharsets.UTF_8));
                        int nl;
                        while ((nl = sb.indexOf("\n")) >= 0) {
                            out.println((prefix ? "[" + label + "] " : "") + sb.substring(0, nl));
                            sb.delete(0, nl + 1);
                        }
                    } catch (IOException ignored) {
                        // the file vanished between size() and open: pick it up next round
                    }
                }
                positions.put(label, pos);
            }
            out.flush();
            if (!any) {
                Thread.sleep(250);
            }
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
