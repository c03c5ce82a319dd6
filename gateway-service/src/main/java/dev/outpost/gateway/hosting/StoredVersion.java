package dev.outpost.gateway.hosting;

import dev.outpost.runtime.WorkerBundle;
import java.util.List;

/** A worker version as the data plane needs it: the code bundle, its bindings and its account. */
public record StoredVersion(String accountId, WorkerBundle bundle, List<BindingSpec> bindings) {
}
