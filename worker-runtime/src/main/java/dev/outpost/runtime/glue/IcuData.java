package dev.outpost.runtime.glue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The ICU data behind {@code Intl}, {@code toLocaleString()}, {@code localeCompare()} and {@code normalize()}
 * (RT-6). Javet's i18n V8 build has ICU 74 compiled in but ships no data, and V8 dereferences a null table (the
 * JVM dies) if the data file is missing when the library loads. The data travels inside this jar, so a plain
 * Maven build and every packaged service have it; V8 wants a file path, so it is copied to a private temporary
 * file (mode 0600, under {@code java.io.tmpdir}, as Javet does with its native library). V8 reads the whole file
 * into memory while loading, after which the copy can go.
 */
public final class IcuData {
    /** ICU 74 data, little-endian: the version must be the one compiled into the native library. */
    static final String RESOURCE = "/dev/outpost/runtime/icu/icudt74l.dat";

    private IcuData() {
    }

    /** Writes the data to a new temporary file and returns it; the caller deletes it once V8 has loaded. */
    public static Path extract() {
        try (InputStream in = IcuData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("ICU data " + RESOURCE + " is missing from the class path; "
                        + "V8 cannot start without it");
            }
            Path file = Files.createTempFile("outpost-icudt74l-", ".dat");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ICU data to " + System.getProperty("java.io.tmpdir"), e);
        }
    }
}
