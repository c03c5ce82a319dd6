package dev.outpost.gateway.bindings.service;

import dev.outpost.gateway.hosting.BindingSpec;
import dev.outpost.gateway.hosting.DeploymentTable;
import dev.outpost.gateway.hosting.WorkerHost;
import dev.outpost.runtime.bindings.ServiceBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Builds service bindings from their upload shape {@code {type:"service", name, service, entrypoint?, props?}}.
 * The WorkerHost is looked up lazily: it builds environments (and so these bindings) itself.
 */
@ApplicationScoped
public class ServiceBindings {
    private final DeploymentTable deployments;
    private final Instance<WorkerHost> host;

    public ServiceBindings(DeploymentTable deployments, Instance<WorkerHost> host) {
        this.deployments = deployments;
        this.host = host;
    }

    public ServiceBinding create(String accountId, BindingSpec binding) {
        var props = binding.fields().get("props");
        return new LocalServiceBinding(deployments, host.get(), accountId, binding.name(), binding.text("service"),
                blankToNull(binding.text("entrypoint")), props == null || props.isNull() ? null : props.toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
