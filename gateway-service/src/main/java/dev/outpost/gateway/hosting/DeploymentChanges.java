package dev.outpost.gateway.hosting;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import dev.outpost.gateway.controlplane.auth.TokenRevocations;
import dev.outpost.gateway.controlplane.auth.TokenService;
import dev.outpost.gateway.routing.RouteTable;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Live pickup of deployments across gateway replicas: every change to which version serves a
 * worker is announced with PostgreSQL NOTIFY on {@link #CHANNEL} in the transaction that makes
 * it (so it is delivered on commit, never for a rolled-back change), and every replica LISTENs
 * and reloads that worker's entry of its {@link DeploymentTable}. After a lost connection the
 * subscriber reconnects and reloads the whole table, since notifications may have been missed. The same
 * connection carries token revocations ({@link TokenRevocations}).
 */
@ApplicationScoped
public class DeploymentChanges {
    public static final String CHANNEL = "outpost_deployments";
    /** The payload announcing that some route changed: every replica reloads its route table. */
    static final String ROUTES = "routes";
    private static final Logger LOG = Logger.getLogger(DeploymentChanges.class);

    private final Vertx vertx;
    private final DeploymentTable deployments;
    private final RouteTable routes;
    private final TokenService tokens;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public DeploymentChanges(Vertx vertx, DeploymentTable deployments, RouteTable routes, TokenService tokens,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.deployments = deployments;
        this.routes = routes;
        this.tokens = tokens;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Announces, inside the caller's transaction, that a worker's deployment changed. */
    public static Uni<Void> announce(Mutiny.Session session, String accountId, String scriptName) {
        return session.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', :payload)")
                .setParameter("payload", accountId + "/" + scriptName).getSingleResult().replaceWithVoid();
    }

    /** Announces, inside the caller's transaction, that a route of some account changed. */
    public static Uni<Void> announceRoutes(Mutiny.Session session) {
        return session.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', :payload)")
                .setParameter("payload", ROUTES).getSingleResult().replaceWithVoid();
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1_000L);
        // Subscribed again after every reconnect: notifications may have been missed meanwhile.
        subscriber.channel(CHANNEL).handler(this::changed).subscribeHandler(() -> deployments.reloadAll()
                .call(routes::reloadAll).subscribe()
                .with(v -> { }, f -> LOG.error("Reloading deployments failed", f)));
        // Token revocations share the connection (TokenRevocations); after a reconnect the whole cache goes.
        subscriber.channel(TokenRevocations.CHANNEL).handler(tokens::forget).subscribeHandler(tokens::forgetAll);
        subscriber.closeHandler(() -> LOG.warn("Lost the deployment notification connection; reconnecting"));
        subscriber.connect().subscribe().with(v -> LOG.debug("Listening for deployment changes"),
                failure -> LOG.errorf(failure, "Could not listen for deployment changes"));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    private void changed(String payload) {
        if (ROUTES.equals(payload)) {
            routes.reloadAll().subscribe().with(v -> { }, f -> LOG.error("Reloading routes failed", f));
            return;
        }
        int slash = payload.indexOf('/');
        if (slash <= 0) {
            deployments.reloadAll().subscribe().with(v -> { }, f -> LOG.error("Reloading deployments failed", f));
            return;
        }
        deployments.reload(payload.substring(0, slash), payload.substring(slash + 1)).subscribe()
                .with(v -> { }, f -> LOG.errorf(f, "Reloading deployment %s failed", payload));
        // Routes follow, independently: deleting a worker deletes its routes (ON DELETE CASCADE) without a
        // route announcement.
        routes.reloadAll().subscribe().with(v -> { }, f -> LOG.error("Reloading routes failed", f));
    }
}
