package outpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The bench's temp state (stack data, floor files): removed when the bench ends, so runs do not pile up in /tmp. */
public final class StateDir {
    private StateDir() {
    }

    /** Deletes {@code dir} and everything under it; what cannot be deleted is left and reported. */
    public static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
