package dev.outpost.localstack.process;

import dev.outpost.localstack.Component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one component: the full command line, its working dir, extra environment and how to tell it is ready.
 *
 * @param startReadiness polled after the start; may look at this start's log lines
 * @param statusReadiness a cheap probe for {@code status} (no log scanning)
 */
public record LaunchSpec(Component component, List<String> command, Path workDir, Map<String, String> environment,
                         ReadinessCheck startReadiness, ReadinessCheck statusReadiness) {
    public LaunchSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
