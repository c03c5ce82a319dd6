package dev.outpost.durableobject.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the service's SQLite files (objects' storage, the node's alarm index) the one way they must be opened:
 * WAL with {@code synchronous=FULL}, so a commit is on disk when it returns, and a busy timeout.
 */
public final class SqliteFiles {
    private SqliteFiles() {
    }

    /** Opens (creating folder and file if needed) {@code file} and runs {@code schema}, closing it on failure. */
    public static Connection open(Path file, String... schema) throws SQLException {
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            for (String statement : schema) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
