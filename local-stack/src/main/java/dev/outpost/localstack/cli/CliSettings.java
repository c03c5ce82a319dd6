package dev.outpost.localstack.cli;

import dev.outpost.localstack.config.PortPlan;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CLI works: the repo (system property outpost.repo, set by bin/outpost; else the working dir), the state
 * dir (OUTPOST_HOME, default {@code <repo>/.outpost}) and the ports (OUTPOST_PORT_OFFSET, default 0).
 */
public record CliSettings(Path repoDir, Path stateDir, PortPlan ports) {
    public static CliSettings from(Map<String, String> env, String repoProperty, Path workingDir) {
        Path repo = (repoProperty == null || repoProperty.isBlank() ? workingDir : Path.of(repoProperty)).toAbsolutePath().normalize();
        String home = env.get("OUTPOST_HOME");
        Path state = home == null || home.isBlank() ? repo.resolve(".outpost") : workingDir.resolve(home).toAbsolutePath().normalize();
        PortPlan ports;
        try {
            ports = PortPlan.parse(env.get("OUTPOST_PORT_OFFSET"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("OUTPOST_PORT_OFFSET: " + e.getMessage());
        }
        return new CliSettings(repo, state, ports);
    }
}
