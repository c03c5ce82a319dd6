package dev.outpost.gateway.controlplane.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.controlplane.model.Account;
import dev.outpost.gateway.controlplane.model.Worker;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.hosting.DeploymentChanges;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The non-versioned settings of workers and accounts (API-4/API-5): the account's workers.dev subdomain, a worker's
 * workers.dev and preview switches, and its script settings (logpush, tail_consumers, observability, tags).
 */
@ApplicationScoped
public class WorkerSettingsStore {
    /** Answered while an account has not chosen a subdomain, so wrangler never has to prompt for one. */
    public static final String DEFAULT_SUBDOMAIN = "outpost";
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    public static final Set<String> SCRIPT_SETTINGS = Set.of("logpush", "tail_consumers", "observability", "tags");
    private static final ObjectMapper JSON = new ObjectMapper();

    @WithSession
    public Uni<String> subdomain(String accountId) {
        return Account.<Account>findById(accountId)
                .map(a -> a == null || a.workersSubdomain == null ? DEFAULT_SUBDOMAIN : a.workersSubdomain);
    }

    @WithTransaction
    public Uni<String> setSubdomain(String accountId, String subdomain) {
        if (subdomain == null || !SUBDOMAIN.matcher(subdomain).matches()) {
            throw new ApiException(ApiError.BAD_REQUEST,
                    "A subdomain is 1-63 lowercase letters, digits and '-', not starting or ending with '-'");
        }
        return Account.<Account>findById(accountId).map(a -> {
            if (a == null) {
                throw new ApiException(ApiError.NOT_FOUND, "Account " + accountId + " does not exist");
            }
            a.workersSubdomain = subdomain;
            return subdomain;
        });
    }

    @WithSession
    public Uni<Worker> worker(String accountId, String scriptName) {
        return find(accountId, scriptName);
    }

    /**
     * Sets the workers.dev switches (null leaves one as it is). Turning workers.dev off makes
     * {@code <worker>.<anything>} host routing stop reaching the worker on every replica (only routes do).
     */
    @WithTransaction
    public Uni<Worker> setSubdomainSwitches(String accountId, String scriptName, Boolean enabled, Boolean previews) {
        return find(accountId, scriptName).flatMap(w -> {
            boolean changed = enabled != null && enabled != w.workersDev;
            if (enabled != null) {
                w.workersDev = enabled;
            }
            if (previews != null) {
                w.previewsEnabled = previews;
            }
            w.modifiedOn = OffsetDateTime.now();
            return changed ? Panache.getSession().flatMap(s -> DeploymentChanges.announce(s, accountId, scriptName))
                    .replaceWith(w) : Uni.createFrom().item(w);
        });
    }

    @WithSession
    public Uni<ObjectNode> scriptSettings(String accountId, String scriptName) {
        return find(accountId, scriptName).map(WorkerSettingsStore::settings);
    }

    /** Merges the given top-level settings into the stored ones. */
    @WithTransaction
    public Uni<ObjectNode> patchScriptSettings(String accountId, String scriptName, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ApiException(ApiError.BAD_REQUEST, "Script settings must be a JSON object");
        }
        patch.fieldNames().forEachRemaining(name -> {
            if (!SCRIPT_SETTINGS.contains(name)) {
                throw new ApiException(ApiError.BAD_REQUEST, "Unknown script setting '" + name + "'; supported: "
                        + SCRIPT_SETTINGS);
            }
        });
        return find(accountId, scriptName).map(w -> {
            ObjectNode settings = settings(w);
            patch.fields().forEachRemaining(e -> settings.set(e.getKey(), e.getValue()));
            w.scriptSettings = settings.toString();
            w.modifiedOn = OffsetDateTime.now();
            return settings;
        });
    }

    private static ObjectNode settings(Worker w) {
        try {
            JsonNode stored = JSON.readTree(w.scriptSettings);
            ObjectNode out = stored instanceof ObjectNode o ? o : JSON.createObjectNode();
            if (!out.has("logpush")) {
                out.put("logpush", false);
            }
            if (!out.has("tail_consumers")) {
                out.putArray("tail_consumers");
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("worker " + w.id + " has bad script settings JSON", e);
        }
    }

    private static Uni<Worker> find(String accountId, String scriptName) {
        return Worker.<Worker>find("accountId = ?1 and name = ?2", accountId, scriptName).firstResult().map(w -> {
            if (w == null) {
                throw new ApiException(ApiError.NOT_FOUND, "This Worker does not exist on your account.");
            }
            return w;
        });
    }
}
