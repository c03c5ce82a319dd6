package dev.outpost.durableobject.storage;

import dev.outpost.durableobject.DurableObjectConfig;
import dev.outpost.durableobject.alarms.AlarmIndex;
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
    private final AlarmIndex alarms;

    public ObjectStorage(DurableObjectConfig config, AlarmIndex alarms) {
        this.dataDir = Path.of(config.dataDir()).toAbsolutePath();
        this.alarms = alarms;
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
            String reply = StorageOperations.run(db, requestJson);
            syncAlarm(storageKey, db);
            return reply;
        }
    }

    /** DO-12: after an alarm write has committed (or rolled back), the node's index learns the object's value. */
    private void syncAlarm(String storageKey, ObjectDatabase db) {
        if (db.inUserTransaction() || !db.takeAlarmTouched()) {
            return;
        }
        try {
            alarms.set(storageKey, StorageOperations.alarm(db));
        } catch (SQLException e) {
            LOG.errorf("cannot read the alarm of Durable Object %s: %s", storageKey, e.getMessage());
        }
    }

    /** DO-12: the object's alarm as its storage holds it, or null. */
    public Long alarm(String storageKey) throws SQLException {
        ObjectDatabase db = database(storageKey);
        synchronized (db) {
            return StorageOperations.alarm(db);
        }
    }

    /** DO-12: clears the alarm if it is still {@code scheduled}, and tells the index what is left. */
    public void clearAlarm(String storageKey, long scheduled) throws SQLException {
        ObjectDatabase db = database(storageKey);
        synchronized (db) {
            StorageOperations.clearAlarm(db, scheduled);
            alarms.set(storageKey, StorageOperations.alarm(db));
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
                db.onAlarmSet(time -> alarms.set(storageKey, time));
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
