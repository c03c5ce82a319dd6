package dev.outpost.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Cloudflare's wrangler CLI from npm, pinned by integration-tests/wrangler/package-lock.json, installed once into
 * {@code <repo>/.outpost/tools/wrangler} (git-ignored) with {@code npm ci}. A stamp named after the hash of the
 * package files makes a second call a no-op; a changed pin reinstalls. Needs Node.js 20+ and npm on the PATH
 * ({@code bin/outpost test} installs them on a fresh machine).
 */
final class WranglerTool {
    private WranglerTool() {
    }

    /** The wrangler executable, installing it first when absent or stale. */
    static synchronized Path ensure(Path repo) throws IOException, InterruptedException {
        Path pins = repo.resolve("integration-tests/wrangler");
        Path dir = repo.resolve(".outpost/tools/wrangler");
        Path bin = dir.resolve("node_modules/.bin/wrangler");
        Path stamp = dir.resolve(".installed-" + hash(pins.resolve("package.json"), pins.resolve("package-lock.json")));
        if (Files.isExecutable(bin) && Files.exists(stamp)) {
            return bin;
        }
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(".installed-")).toList()) {
                Files.delete(p);
            }
        }
        Files.copy(pins.resolve("package.json"), dir.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pins.resolve("package-lock.json"), dir.resolve("package-lock.json"), StandardCopyOption.REPLACE_EXISTING);
        Path log = dir.resolve("npm-ci.log");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("npm is not on the PATH: the wrangler test needs Node.js 20+ and npm "
                    + "(bin/outpost test installs them; or apt-get install nodejs npm)", e);
        }
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci of wrangler failed in " + dir + ":\n" + Files.readString(log));
        }
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("npm ci did not install " + bin);
        }
        Files.createFile(stamp);
        return bin;
    }

    private static String hash(Path... files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
