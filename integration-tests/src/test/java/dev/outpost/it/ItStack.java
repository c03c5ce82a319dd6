package dev.outpost.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

/**
 * What every end-to-end test starts from: a local stack of real services (processes started by the launcher)
 * with its state in the test's temp dir, on the test class's own port offset, and the HTTP/1.1 client the
 * tests talk to it with.
 */
final class ItStack {
    /** The repository root: the launcher starts the services from the jars built in it. */
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ItStack() {
    }

    /** A stack of these components at {@code offset}, state under {@code state/stack}; add settings, then build. */
    static LocalStack.Builder builder(Path state, int offset, Component first, Component... more) {
        return LocalStack.builder().stateDir(state.resolve("stack")).repoDir(REPO).portOffset(offset)
                .components(EnumSet.of(first, more));
    }

    /** The control-plane API of {@code stack}, as its local account with its API token. */
    static ControlPlaneClient controlPlane(LocalStack stack, ObjectMapper json) {
        return new ControlPlaneClient(stack.apiBaseUrl(), stack.credentials().accountId(),
                stack.credentials().apiToken(), json);
    }

    /**
     * Uploads (and deploys) worker {@code name} from {@code source}, written to {@code state/scripts}, with
     * {@code metadata} (bindings, migrations ...), to which the main module and compatibility date 2025-01-01 are added.
     */
    static void upload(ControlPlaneClient controlPlane, Path state, String name, String source,
                       com.fasterxml.jackson.databind.node.ObjectNode metadata) throws java.io.IOException {
        Path file = java.nio.file.Files.createDirectories(state.resolve("scripts")).resolve(name + ".js");
        java.nio.file.Files.writeString(file, source);
        dev.outpost.localstack.deploy.WorkerBundle bundle = dev.outpost.localstack.deploy.WorkerBundle.fromPath(file, null);
        metadata.put("main_module", bundle.mainModule());
        metadata.put("compatibility_date", "2025-01-01");
        controlPlane.uploadScript(name, bundle, metadata);
    }
}
