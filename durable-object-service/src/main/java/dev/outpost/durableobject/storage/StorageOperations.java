package dev.outpost.durableobject.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.contracts.sql.SqlSplitter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

/**
 * The storage operations durable-object-host.js sends (DO-8 KV API, DO-9 SQL), run on one object's database.
 * Values are kept as the runtime's structured-clone encoding (rpc-codec.js JSON text) — V8's own serializer is
 * not reachable through Javet — so anything an RPC call can carry can be stored and comes back equal.
 */
public final class StorageOperations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** DO-9: transactions go through transactionSync()/transaction(), not through SQL text. */
    private static final Pattern TRANSACTION_SQL = Pattern.compile(
            "^\\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTERNAL_TABLE = Pattern.compile("\\b_cf_", Pattern.CASE_INSENSITIVE);

    private StorageOperations() {
    }

    /** Runs one operation; the outcome JSON ({@code ok/value} or {@code ok:false/error}). */
    public static String run(ObjectDatabase db, String requestJson) {
        try {
            JsonNode op = JSON.readTree(requestJson);
            ObjectNode reply = NODES.objectNode().put("ok", true);
            reply.set("value", dispatch(db, op));
            return JSON.writeValueAsString(reply);
        } catch (SQLException e) {
            return error("Error", e.getMessage());
        } catch (IllegalArgumentException e) {
            return error("TypeError", e.getMessage());
        } catch (java.io.IOException e) {
            return error("TypeError", "malformed storage operation: " + e.getMessage());
        }
    }

    static String error(String name, String message) {
        ObjectNode reply = NODES.objectNode().put("ok", false);
        reply.putObject("error").put("name", name).put("message", message == null ? "storage failure" : message);
        return reply.toString();
    }

    private static JsonNode dispatch(ObjectDatabase db, JsonNode op) throws SQLException {
        String name = op.path("op").asText();
        return switch (name) {
            case "get" -> get(db, strings(op.path("keys")));
            case "put" -> put(db, op.path("entries"));
            case "delete" -> NODES.numberNode(delete(db, strings(op.path("keys"))));
            case "deleteAll" -> {
                db.atomically(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.executeUpdate("DELETE FROM _cf_KV");
                    }
                });
                yield NODES.nullNode();
            }
            case "list" -> list(db, op);
            case "begin" -> {
                db.begin();
                yield NODES.nullNode();
            }
            case "commit", "rollback" -> {
                db.end(name.equals("commit"));
                yield NODES.nullNode();
            }
            case "sql" -> sql(db, op);
            case "getAlarm" -> {
                Long alarm = alarm(db);
                yield alarm == null ? NODES.nullNode() : NODES.numberNode(alarm);
            }
            case "setAlarm" -> {
                long time = op.path("time").asLong(-1);
                if (time < 0) {
                    throw new IllegalArgumentException("setAlarm() needs a time in ms since the epoch");
                }
                // the index hears first: a crash after this commit must still find the alarm (at-least-once)
                db.alarmWillBeSet(time);
                db.atomically(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT OR REPLACE INTO _cf_METADATA (key, value) VALUES ('alarm', ?)")) {
                        ps.setLong(1, time);
                        return ps.executeUpdate();
                    }
                });
                db.touchAlarm();
                yield NODES.nullNode();
            }
            case "deleteAlarm" -> {
                db.atomically(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.executeUpdate("DELETE FROM _cf_METADATA WHERE key = 'alarm'");
                    }
                });
                db.touchAlarm();
                yield NODES.nullNode();
            }
            case "size" -> size(db);
            default -> throw new IllegalArgumentException("unknown storage operation " + name);
        };
    }

    /** DO-12: the object's alarm time, or null. */
    public static Long alarm(ObjectDatabase db) throws SQLException {
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM _cf_METADATA WHERE key = 'alarm'")) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    /** DO-12: removes the alarm if it is still the one at {@code scheduled} (a handler may have set another). */
    public static void clearAlarm(ObjectDatabase db, long scheduled) throws SQLException {
        db.atomically(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM _cf_METADATA WHERE key = 'alarm' AND value = ?")) {
                ps.setLong(1, scheduled);
                return ps.executeUpdate();
            }
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** DO-8 get: found pairs in UTF-8 key order (SQLite's BINARY collation compares the UTF-8 bytes). */
    private static JsonNode get(ObjectDatabase db, List<String> keys) throws SQLException {
        ArrayNode out = NODES.arrayNode();
        if (keys.isEmpty()) {
            return out;
        }
        String sql = "SELECT key, value FROM _cf_KV WHERE key IN (" + "?,".repeat(keys.size() - 1) + "?) ORDER BY key";
        try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 1, keys.get(i));
            }
            pairs(ps, out);
        }
        return out;
    }

    private static void pairs(PreparedStatement ps, ArrayNode out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.addArray().add(rs.getString(1)).add(rs.getString(2));
            }
        }
    }

    private static JsonNode put(ObjectDatabase db, JsonNode entries) throws SQLException {
        db.atomically(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO _cf_KV (key, value) VALUES (?, ?)")) {
                for (JsonNode entry : entries) {
                    ps.setString(1, entry.get(0).asText());
                    ps.setString(2, entry.get(1).asText());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return NODES.nullNode();
    }

    private static int delete(ObjectDatabase db, List<String> keys) throws SQLException {
        return db.atomically(c -> {
            int count = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM _cf_KV WHERE key = ?")) {
                for (String key : keys) {
                    ps.setString(1, key);
                    count += ps.executeUpdate();
                }
            }
            return count;
        });
    }

    /** DO-8 list: start inclusive, startAfter exclusive, end exclusive, prefix; reverse keeps the bounds' meaning. */
    private static JsonNode list(ObjectDatabase db, JsonNode op) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT key, value FROM _cf_KV WHERE 1=1");
        List<String> args = new ArrayList<>();
        if (op.hasNonNull("start")) {
            sql.append(" AND key >= ?");
            args.add(op.get("start").asText());
        }
        if (op.hasNonNull("startAfter")) {
            sql.append(" AND key > ?");
            args.add(op.get("startAfter").asText());
        }
        if (op.hasNonNull("end")) {
            sql.append(" AND key < ?");
            args.add(op.get("end").asText());
        }
        if (op.hasNonNull("prefix")) {
            String prefix = op.get("prefix").asText();
            sql.append(" AND key >= ? AND substr(key, 1, ?) = ?");
            args.add(prefix);
            args.add(Integer.toString(prefix.length()));
            args.add(prefix);
        }
        sql.append(" ORDER BY key ").append(op.path("reverse").asBoolean() ? "DESC" : "ASC");
        if (op.hasNonNull("limit")) {
            sql.append(" LIMIT ").append(Math.max(0, op.get("limit").asLong()));
        }
        ArrayNode out = NODES.arrayNode();
        try (PreparedStatement ps = db.connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            pairs(ps, out);
        }
        return out;
    }

    /**
     * DO-9 sql.exec: the whole result of the query (the cursor iterates it in JS). As on Cloudflare, a query may
     * hold several statements separated by semicolons: they run in order, the bindings apply to the last one and
     * the cursor is the last one's; rows read and written count all of them.
     */
    private static JsonNode sql(ObjectDatabase db, JsonNode op) throws SQLException {
        String query = op.path("query").asText();
        if (TRANSACTION_SQL.matcher(query).find()) {
            throw new SQLException("To execute a transaction, please use the state.storage.transaction() or "
                    + "state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements.");
        }
        if (INTERNAL_TABLE.matcher(query).find()) {
            throw new SQLException("access to _cf_KV.key is prohibited: SQLITE_AUTH");
        }
        List<String> statements = SqlSplitter.split(query);
        if (statements.isEmpty()) {
            statements = List.of(query); // blank or comments only: SQLite's own answer
        }
        ObjectNode result = NODES.objectNode();
        long[] counts = new long[2];
        for (int i = 0; i < statements.size(); i++) {
            boolean last = i == statements.size() - 1;
            run(db.connection(), statements.get(i), last ? op.path("bindings") : NODES.arrayNode(), result, counts);
        }
        result.put("rowsRead", counts[0]);
        result.put("rowsWritten", counts[1]);
        return result;
    }

    /** One statement: its columns and rows replace those in {@code result}; rows read/written add to {@code counts}. */
    private static void run(Connection c, String statement, JsonNode bindings, ObjectNode result, long[] counts)
            throws SQLException {
        // total_changes() moves only for INSERT/UPDATE/DELETE; getUpdateCount() repeats the previous statement's
        // count after DDL such as CREATE TABLE
        DB sqlite = c.unwrap(SQLiteConnection.class).getDatabase();
        long changesBefore = sqlite.total_changes();
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < bindings.size(); i++) {
                bind(ps, i + 1, bindings.get(i));
            }
            ArrayNode columns = result.putArray("columns");
            ArrayNode rows = result.putArray("rows");
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int n = meta.getColumnCount();
                    for (int i = 1; i <= n; i++) {
                        columns.add(meta.getColumnLabel(i));
                    }
                    while (rs.next()) {
                        ArrayNode row = rows.addArray();
                        for (int i = 1; i <= n; i++) {
                            row.add(value(rs.getObject(i)));
                        }
                        counts[0]++;
                    }
                }
            }
            counts[1] += sqlite.total_changes() - changesBefore;
        }
    }

    private static void bind(PreparedStatement ps, int index, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            ps.setObject(index, null);
        } else if (value.isObject() && value.has("$b")) {
            ps.setBytes(index, Base64.getDecoder().decode(value.get("$b").asText()));
        } else if (value.isIntegralNumber()) {
            ps.setLong(index, value.asLong());
        } else if (value.isNumber()) {
            double d = value.asDouble();
            if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
                ps.setLong(index, (long) d);
            } else {
                ps.setDouble(index, d);
            }
        } else {
            ps.setString(index, value.asText());
        }
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof byte[] bytes) {
            return NODES.objectNode().put("$b", Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        return NODES.textNode(v.toString());
    }

    private static JsonNode size(ObjectDatabase db) throws SQLException {
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) {
            return NODES.numberNode(rs.next() ? rs.getLong(1) : 0);
        }
    }

}
