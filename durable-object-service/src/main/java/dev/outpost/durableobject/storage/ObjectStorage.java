package dev.outpost.durableobject.storage;

import dev.outpost.durableobject.DurableObjectConfig;
import dev.outpost.runtime.bindings.DurableObjectStorage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The storage of every object this shard hosts (DO-8): one SQLite file per object under
 * {@code <data-dir>/<namespace id>/<object id>.sqlite}, opened on the object's first storage call and kept open.
 * Storage keys are {@code <namespace id>/<object id>} and are checked, so no key can name a path outside the
 * data directory.
 */
@ApplicationScoped
public class ObjectStorage implements DurableObjectStorage {
    private static final Logger LOG = Logger.getLogger(ObjectStorage.class);
    private static final Pattern KEY = Pattern.compile("([0-9a-fA-F-]{1,64})/([0-9a-f]{64})");

    private final Path dataDir;
    private final Map<String, ObjectDatabase> open = new ConcurrentHashMap<>();

    public ObjectStorage(DurableObjectConfig config) {
        this.dataDir = Path.of(config.dataDir()).toAbsolutePath();
    }

    /** The storage key of an object: its namespace and its id. */
    public static String key(String namespaceId, String objectId) {
        return namespaceId + "/" + objectId;
    }

    @Override
    public String execute(String storageKey, String requestJson) {
        ObjectDatabase db;
        try {
            db = database(storageKey);
        } catch (SQLException | IllegalArgumentException e) {
            LOG.errorf("cannot open the storage of Durable Object %s: %s", storageKey, e.getMessage());
            return StorageOperations.error("Error", "Durable Object storage is unavailable: " + e.getMessage());
        }
        // The object's events are serialised by the host; the lock only guards against a misuse of the key.
        synchronized (db) {
            return StorageOperations.run(db, requestJson);
        }
    }

    private ObjectDatabase database(String storageKey) throws SQLException {
        ObjectDatabase db = open.get(storageKey);
        if (db != null) {
            return db;
        }
        var m = KEY.matcher(storageKey);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad storage key " + storageKey);
        }
        synchronized (open) {
            db = open.get(storageKey);
            if (db == null) {
                db = ObjectDatabase.open(dataDir.resolve(m.group(1)).resolve(m.group(2) + ".sqlite"));
                open.put(storageKey, db);
            }
            return db;
        }
    }

    @PreDestroy
    void close() {
        open.values().forEach(ObjectDatabase::close);
        open.clear();
    }
}
