package dev.outpost.gateway.routing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Route patterns of all accounts, most specific first, held in memory for the worker ingress (the hot path never
 * queries PostgreSQL). Reloaded whole at start and whenever a route changes anywhere (see DeploymentChanges):
 * routes are few and change rarely.
 */
@ApplicationScoped
public class RouteTable {
    private static final Logger LOG = Logger.getLogger(RouteTable.class);
    private static final String ROUTES_SQL = """
            SELECT r.pattern, r.account_id, w.name FROM worker_routes r LEFT JOIN workers w ON w.id = r.worker_id""";

    /** A matched route: the worker it names, or none for an exclusion route. */
    public record Target(String accountId, String scriptName, String pattern) {
    }

    private record Entry(RoutePattern pattern, Target target) {
    }

    private final Pool pool;
    private volatile List<Entry> entries = List.of();

    public RouteTable(Pool pool) {
        this.pool = pool;
    }

    /** The most specific route matching the request, if any. @param host may carry a port */
    public Optional<Target> match(String host, String path) {
        List<Entry> current = entries;
        if (current.isEmpty() || host == null) {
            return Optional.empty();
        }
        String name = HostNames.withoutPort(host);
        String p = path == null || path.isEmpty() ? "/" : path;
        for (Entry e : current) {
            if (e.pattern().matches(name, p)) {
                return Optional.of(e.target());
            }
        }
        return Optional.empty();
    }

    public Uni<Void> reloadAll() {
        return pool.query(ROUTES_SQL).execute().map(rows -> {
            List<Entry> fresh = new ArrayList<>();
            for (Row row : rows) {
                String pattern = row.getString("pattern");
                try {
                    fresh.add(new Entry(RoutePattern.parse(pattern),
                            new Target(row.getString("account_id"), row.getString("name"), pattern)));
                } catch (IllegalArgumentException e) {
                    LOG.warnf("Ignoring stored route '%s': %s", pattern, e.getMessage());
                }
            }
            fresh.sort((a, b) -> RoutePattern.MOST_SPECIFIC_FIRST.compare(a.pattern(), b.pattern()));
            entries = List.copyOf(fresh);
            return null;
        });
    }
}
