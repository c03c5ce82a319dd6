package dev.outpost.localstack.cli;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.deploy.DeployRequest;

import java.util.List;
import java.util.Optional;

/** A parsed command line of {@code outpost}. */
public sealed interface CliCommand {
    /** Start the stack (all components, or the given ones plus what they require). */
    record Up(List<Component> components) implements CliCommand {
    }

    record Down() implements CliCommand {
    }

    record Status() implements CliCommand {
    }

    /** Last {@code lines} lines of one component's log (or of every log), then keep printing with {@code follow}. */
    record Logs(Optional<Component> component, boolean follow, int lines) implements CliCommand {
    }

    record Deploy(DeployRequest request) implements CliCommand {
    }

    record Env() implements CliCommand {
    }

    record Help() implements CliCommand {
    }
}
