package dev.outpost.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
     * A call to the control-plane API of {@code stack} ({@code path} below {@code /client/v4}), as the local
     * account's API token when {@code auth}, with a JSON body when {@code jsonBody} is not null.
     */
    static HttpResponse<String> api(LocalStack stack, String method, String path, String jsonBody, boolean auth)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
                .timeout(Duration.ofSeconds(60));
        if (auth) {
            request.header("Authorization", "Bearer " + stack.credentials().apiToken());
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code /accounts/{the local account}} followed by {@code rest}. */
    static String account(LocalStack stack, String rest) {
        return "/accounts/" + stack.credentials().accountId() + rest;
    }

    /** A GET of {@code path} on worker {@code name} through the gateway's worker port (the Host header picks it). */
    static HttpResponse<String> getWorker(LocalStack stack, String name, String path)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.ports().workerPort() + path))
                .header("Host", name + ".localhost").timeout(Duration.ofSeconds(60)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Uploads (and deploys) worker {@code name} from {@code source}, written to {@code state/scripts}, with
     * {@code metadata} (bindings, migrations ...), to which the main module and compatibility date 2025-01-01 are added.
     */
    static void upload(ControlPlaneClient controlPlane, Path state, String name, String source,
            ObjectNode metadata) throws IOException {
        Path file = Files.createDirectories(state.resolve("scripts")).resolve(name + ".js");
        Files.writeString(file, source);
        WorkerBundle bundle = WorkerBundle.fromPath(file, null);
        metadata.put("main_module", bundle.mainModule());
        metadata.put("compatibility_date", "2025-01-01");
        controlPlane.uploadScript(name, bundle, metadata);
    }
}
