package dev.outpost.gateway.ingress;

import dev.outpost.gateway.hosting.ActiveVersion;
import dev.outpost.gateway.hosting.DeploymentTable;
import dev.outpost.gateway.routing.RouteTable;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which worker version answers a request: the most specific route pattern matching host and path wins (a route
 * without a worker means no worker runs); without a matching route, {@code <worker>.<anything>} host routing
 * reaches workers whose workers.dev switch is on.
 */
@ApplicationScoped
public class WorkerResolver {
    private final RouteTable routes;
    private final DeploymentTable deployments;

    public WorkerResolver(RouteTable routes, DeploymentTable deployments) {
        this.routes = routes;
        this.deployments = deployments;
    }

    public Optional<ActiveVersion> resolve(String host, String path) {
        Optional<RouteTable.Target> route = routes.match(host, path);
        if (route.isPresent()) {
            RouteTable.Target target = route.get();
            return target.scriptName() == null ? Optional.empty()
                    : deployments.resolve(target.accountId(), target.scriptName());
        }
        return HostRouter.scriptName(host).flatMap(deployments::resolveByHost);
    }

    /** Loads both tables (at start, before the port opens). */
    public Uni<Void> load() {
        return deployments.reloadAll().call(routes::reloadAll);
    }
}
