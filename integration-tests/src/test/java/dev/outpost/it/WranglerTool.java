package dev.outpost.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cloudflare's wrangler CLI from npm, pinned by integration-tests/wrangler/package-lock.json, installed once into
 * {@code <repo>/.outpost/tools/wrangler} (git-ignored) by {@link NpmPackages}. Needs Node.js 20+ and npm on the
 * PATH ({@code bin/outpost test} installs them on a fresh machine).
 */
final class WranglerTool {
    private WranglerTool() {
    }

    /** The wrangler executable, installing it first when absent or stale. */
    static Path ensure(Path repo) throws IOException, InterruptedException {
        Path bin = NpmPackages.ensure(repo, "integration-tests/wrangler", "wrangler").resolve(".bin/wrangler");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("npm ci did not install " + bin);
        }
        return bin;
    }
}
