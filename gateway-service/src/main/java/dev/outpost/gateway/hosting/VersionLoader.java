package dev.outpost.gateway.hosting;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.WorkerModule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads one immutable worker version (metadata and modules) for the data plane. */
@ApplicationScoped
public class VersionLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;

    public VersionLoader(Pool pool) {
        this.pool = pool;
    }

    public Uni<StoredVersion> load(UUID versionId) {
        Uni<RowSet<Row>> meta = pool.preparedQuery("""
                SELECT w.account_id, w.name, v.main_module, v.compatibility_date, v.compatibility_flags, v.bindings
                FROM worker_versions v JOIN workers w ON w.id = v.worker_id WHERE v.id = $1""")
                .execute(Tuple.of(versionId));
        Uni<RowSet<Row>> modules = pool.preparedQuery(
                "SELECT name, content_type, content FROM worker_modules WHERE version_id = $1")
                .execute(Tuple.of(versionId));
        return Uni.combine().all().unis(meta, modules).asTuple().map(t -> {
            if (t.getItem1().size() == 0) {
                throw new IllegalStateException("worker version " + versionId + " does not exist");
            }
            Row row = t.getItem1().iterator().next();
            Map<String, WorkerModule> code = new LinkedHashMap<>();
            for (Row m : t.getItem2()) {
                String name = m.getString("name");
                ModuleTypes.fromContentType(m.getString("content_type")).ifPresent(type -> code.put(name,
                        new WorkerModule(name, type, m.getBuffer("content").getBytes())));
            }
            WorkerBundle bundle = new WorkerBundle(row.getString("name"), versionId.toString(),
                    row.getString("main_module"), code, row.getString("compatibility_date"),
                    flags(row.getString("compatibility_flags")));
            return new StoredVersion(row.getString("account_id"), bundle, BindingsJson.parse(row.getString("bindings")));
        });
    }

    private static List<String> flags(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (Exception e) {
            return List.of();
        }
    }
}
