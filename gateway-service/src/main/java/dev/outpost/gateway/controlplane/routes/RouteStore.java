package dev.outpost.gateway.controlplane.routes;

import dev.outpost.gateway.controlplane.model.Worker;
import dev.outpost.gateway.controlplane.model.WorkerRoute;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.hosting.DeploymentChanges;
import dev.outpost.gateway.routing.RoutePattern;
import dev.outpost.gateway.routing.RouteTable;
import dev.outpost.gateway.routing.ZoneIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Routes of an account (API-5): per worker ({@code PUT .../scripts/{name}/routes} replaces a worker's set, as
 * wrangler does for {@code routes = [...]}) and per zone ({@code /zones/{id}/workers/routes} CRUD). A pattern is
 * unique across all accounts. Every change is one transaction announcing itself to every gateway replica.
 */
@ApplicationScoped
public class RouteStore {

    /** A route as the API shows it; script is null for an exclusion route. */
    public record Route(UUID id, String pattern, String script, String zoneName) {
    }

    private final RouteTable table;

    public RouteStore(RouteTable table) {
        this.table = table;
    }

    @WithSession
    public Uni<List<Route>> forWorker(String accountId, String scriptName) {
        return worker(accountId, scriptName).flatMap(w -> WorkerRoute
                .<WorkerRoute>list("workerId = ?1 order by pattern", w.id)
                .map(rows -> rows.stream().map(r -> new Route(r.id, r.pattern, w.name, r.zoneName)).toList()));
    }

    /** The routes of the account filed under the zone or any zone inside it. */
    @WithSession
    public Uni<List<Route>> forZone(String accountId, String zoneId) {
        return routesOf(accountId).map(routes -> routes.stream()
                .filter(r -> ZoneIds.enclosing(r.zoneName()).contains(zoneId)).toList());
    }

    /** The host names the account's routes are filed under (its implicit zones). */
    @WithSession
    public Uni<List<String>> zoneNames(String accountId) {
        return routesOf(accountId).map(routes -> routes.stream().map(Route::zoneName).distinct().sorted().toList());
    }

    /** Makes {@code patterns} exactly the routes of the worker. */
    @WithTransaction
    public Uni<List<Route>> replaceForWorker(String accountId, String scriptName, List<String> patterns) {
        Map<String, RoutePattern> parsed = parseAll(patterns);
        return worker(accountId, scriptName).flatMap(w -> (parsed.isEmpty()
                ? Uni.createFrom().item(List.<WorkerRoute>of())
                : WorkerRoute.<WorkerRoute>list("pattern in ?1", List.copyOf(parsed.keySet())))
                .flatMap(taken -> {
                    for (WorkerRoute r : taken) {
                        checkFree(r, accountId, w.id);
                    }
                    return WorkerRoute.delete("workerId = ?1 and pattern not in ?2", w.id,
                            parsed.isEmpty() ? List.of("") : List.copyOf(parsed.keySet()))
                            .flatMap(d -> insertMissing(accountId, w, parsed, taken));
                }))
                .call(this::announce);
    }

    @WithSession
    public Uni<Route> get(String accountId, String zoneId, UUID routeId) {
        return inZone(accountId, zoneId, routeId).flatMap(r -> toRoute(r));
    }

    @WithTransaction
    public Uni<Route> create(String accountId, String zoneId, String pattern, String scriptName) {
        RoutePattern parsed = parseInZone(pattern, zoneId);
        return target(accountId, scriptName).flatMap(w -> WorkerRoute.<WorkerRoute>find("pattern", parsed.text())
                .firstResult().flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(conflict(existing, accountId));
                    }
                    WorkerRoute row = new WorkerRoute();
                    row.id = UUID.randomUUID();
                    row.accountId = accountId;
                    row.pattern = parsed.text();
                    row.zoneName = parsed.zoneName();
                    row.workerId = w == null ? null : w.id;
                    row.createdOn = OffsetDateTime.now();
                    return row.<WorkerRoute>persist().map(saved -> new Route(saved.id, saved.pattern,
                            w == null ? null : w.name, saved.zoneName));
                }))
                .call(this::announce);
    }

    @WithTransaction
    public Uni<Route> update(String accountId, String zoneId, UUID routeId, String pattern, String scriptName) {
        RoutePattern parsed = parseInZone(pattern, zoneId);
        return inZone(accountId, zoneId, routeId).flatMap(row -> target(accountId, scriptName).flatMap(w -> WorkerRoute
                .<WorkerRoute>find("pattern = ?1 and id <> ?2", parsed.text(), row.id).firstResult()
                .flatMap(clash -> {
                    if (clash != null) {
                        return Uni.createFrom().failure(conflict(clash, accountId));
                    }
                    row.pattern = parsed.text();
                    row.zoneName = parsed.zoneName();
                    row.workerId = w == null ? null : w.id;
                    return Uni.createFrom().item(new Route(row.id, row.pattern, w == null ? null : w.name, row.zoneName));
                })))
                .call(this::announce);
    }

    @WithTransaction
    public Uni<UUID> delete(String accountId, String zoneId, UUID routeId) {
        return inZone(accountId, zoneId, routeId).flatMap(row -> row.delete().replaceWith(row.id)).call(this::announce);
    }

    private Uni<Void> announce() {
        return Panache.getSession().flatMap(DeploymentChanges::announceRoutes);
    }

    /** Refreshes this replica's route table at once (the others follow the announcement). */
    public Uni<Void> applied() {
        return table.reloadAll();
    }

    private Uni<List<Route>> insertMissing(String accountId, Worker w, Map<String, RoutePattern> parsed,
            List<WorkerRoute> taken) {
        Set<String> present = new LinkedHashSet<>();
        taken.forEach(r -> present.add(r.pattern));
        List<WorkerRoute> fresh = new ArrayList<>();
        for (RoutePattern p : parsed.values()) {
            if (!present.contains(p.text())) {
                WorkerRoute row = new WorkerRoute();
                row.id = UUID.randomUUID();
                row.accountId = accountId;
                row.pattern = p.text();
                row.zoneName = p.zoneName();
                row.workerId = w.id;
                row.createdOn = OffsetDateTime.now();
                fresh.add(row);
            }
        }
        Uni<Void> insert = fresh.isEmpty() ? Uni.createFrom().voidItem() : WorkerRoute.persist(fresh.stream());
        return insert.flatMap(v -> WorkerRoute
                .<WorkerRoute>list("workerId = ?1 order by pattern", w.id))
                .map(rows -> rows.stream().map(r -> new Route(r.id, r.pattern, w.name, r.zoneName)).toList());
    }

    /** A pattern already stored may stay only when it is this worker's. */
    private static void checkFree(WorkerRoute existing, String accountId, UUID workerId) {
        if (!existing.accountId.equals(accountId) || !workerId.equals(existing.workerId)) {
            throw conflict(existing, accountId);
        }
    }

    private static ApiException conflict(WorkerRoute existing, String accountId) {
        return new ApiException(ApiError.ROUTE_CONFLICT, existing.accountId.equals(accountId)
                ? "The route pattern '" + existing.pattern + "' is already assigned to another route of this account"
                : "The route pattern '" + existing.pattern + "' is already in use by another account");
    }

    private static Map<String, RoutePattern> parseAll(List<String> patterns) {
        Map<String, RoutePattern> parsed = new HashMap<>();
        for (String text : patterns) {
            RoutePattern p = parse(text);
            if (parsed.put(p.text(), p) != null) {
                throw new ApiException(ApiError.BAD_REQUEST, "Route pattern '" + p.text() + "' is given twice");
            }
        }
        return parsed;
    }

    private static RoutePattern parse(String text) {
        try {
            return RoutePattern.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_REQUEST, e.getMessage());
        }
    }

    private static RoutePattern parseInZone(String text, String zoneId) {
        RoutePattern p = parse(text);
        if (!ZoneIds.enclosing(p.zoneName()).contains(zoneId)) {
            throw new ApiException(ApiError.BAD_REQUEST, "Route pattern '" + p.text() + "' is not in zone " + zoneId
                    + " (the zone of " + p.zoneName() + " is " + ZoneIds.of(p.zoneName()) + ")");
        }
        return p;
    }

    private static Uni<WorkerRoute> inZone(String accountId, String zoneId, UUID routeId) {
        return WorkerRoute.<WorkerRoute>findById(routeId).map(row -> {
            if (row == null || !row.accountId.equals(accountId) || !ZoneIds.enclosing(row.zoneName).contains(zoneId)) {
                throw new ApiException(ApiError.NOT_FOUND, "Route " + routeId + " does not exist in zone " + zoneId);
            }
            return row;
        });
    }

    private static Uni<Route> toRoute(WorkerRoute r) {
        if (r.workerId == null) {
            return Uni.createFrom().item(new Route(r.id, r.pattern, null, r.zoneName));
        }
        return Worker.<Worker>findById(r.workerId).map(w -> new Route(r.id, r.pattern, w == null ? null : w.name, r.zoneName));
    }

    /** The worker a zone route names, or null when it names none (an exclusion route). */
    private static Uni<Worker> target(String accountId, String scriptName) {
        if (scriptName == null || scriptName.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return worker(accountId, scriptName);
    }

    private static Uni<Worker> worker(String accountId, String scriptName) {
        return Worker.<Worker>find("accountId = ?1 and name = ?2", accountId, scriptName).firstResult().map(w -> {
            if (w == null) {
                throw new ApiException(ApiError.NOT_FOUND, "Worker '" + scriptName + "' does not exist on your account.");
            }
            return w;
        });
    }

    private static Uni<List<Route>> routesOf(String accountId) {
        return WorkerRoute.<WorkerRoute>list("accountId = ?1 order by pattern", accountId).flatMap(rows -> Worker
                .<Worker>list("accountId", accountId).map(workers -> {
                    Map<UUID, String> names = new HashMap<>();
                    workers.forEach(w -> names.put(w.id, w.name));
                    return rows.stream().map(r -> new Route(r.id, r.pattern, r.workerId == null ? null : names.get(r.workerId),
                            r.zoneName)).toList();
                }));
    }
}
