package dev.outpost.localstack.launch;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.config.Credentials;
import dev.outpost.localstack.config.PortPlan;
import dev.outpost.localstack.config.StateLayout;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything needed to build the command lines of a stack.
 *
 * @param repoDir          the Outpost checkout: services run from {@code <repo>/<module>/target/quarkus-app/quarkus-run.jar}
 * @param stackLibsDir     {@code local-stack/target/stack-libs}: one classpath folder per backing server
 * @param launcherClasses  the jar or classes dir holding this module (PostgresServerMain runs from it)
 * @param javaExecutable   the java binary for every child JVM
 * @param extraProperties  additional -D properties per component; they win over the defaults
 */
public record StackSettings(StateLayout layout, PortPlan ports, Credentials credentials, Path repoDir, Path stackLibsDir,
                            Path launcherClasses, Path javaExecutable, Map<Component, Map<String, String>> extraProperties) {
    public StackSettings {
        repoDir = repoDir.toAbsolutePath().normalize();
        stackLibsDir = stackLibsDir.toAbsolutePath().normalize();
        extraProperties = Map.copyOf(extraProperties);
    }

    public Path stackLibs(Component c) {
        return stackLibsDir.resolve(c.id());
    }

    public Path serviceJar(Component service) {
        return repoDir.resolve(service.id()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
