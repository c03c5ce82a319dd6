package dev.outpost.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * npm packages pinned by a package.json + package-lock.json folder of the repository, installed once with
 * {@code npm ci} into {@code <repo>/.outpost/tools/<name>} (git-ignored). A stamp named after the hash of the pins
 * makes later calls no-ops; changed pins reinstall.
 */
final class NpmPackages {
    private NpmPackages() {
    }

    /** The node_modules folder of the packages pinned in {@code <repo>/<pins>}, installing them first if needed. */
    static synchronized Path ensure(Path repo, String pins, String name) throws IOException, InterruptedException {
        Path source = repo.resolve(pins);
        Path dir = repo.resolve(".outpost/tools").resolve(name);
        Path modules = dir.resolve("node_modules");
        Path stamp = dir.resolve(".installed-" + hash(source.resolve("package.json"), source.resolve("package-lock.json")));
        if (Files.isDirectory(modules) && Files.exists(stamp)) {
            return modules;
        }
        String npm = ExternalClient.require("npm (Node.js 20+)", "npm");
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(".installed-")).toList()) {
                Files.delete(p);
            }
        }
        Files.copy(source.resolve("package.json"), dir.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(source.resolve("package-lock.json"), dir.resolve("package-lock.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Path log = dir.resolve("npm-ci.log");
        Process p = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("npm ci of " + pins + " failed in " + dir + ":\n" + Files.readString(log));
        }
        Files.createFile(stamp);
        return modules;
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
