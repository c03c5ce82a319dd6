package dev.outpost.d1.sql;

import dev.outpost.d1.error.D1Exception;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** D1-10. */
class StatementGuardTest {

    @Test
    void transactionsAttachVacuumAndUnsafePragmasAreRefused() {
        for (String sql : new String[] {"BEGIN", "begin transaction", "COMMIT", "END", "ROLLBACK", "SAVEPOINT x",
                "RELEASE x", "ATTACH 'x.db' AS x", "DETACH x", "VACUUM INTO '/tmp/x'", "PRAGMA journal_mode=DELETE",
                "PRAGMA max_page_count=999999999", "PRAGMA writable_schema=1", "PRAGMA temp.table_info(t)",
                "PRAGMA user_version=3", "/* c */ -- x\n  begin"}) {
            D1Exception e = assertThrows(D1Exception.class, () -> StatementGuard.classify(sql), sql);
            assertTrue(e.workerMessage().startsWith("D1_ERROR: not authorized"), e.workerMessage());
        }
    }

    @Test
    void readsWritesAndSettingsAreTold() {
        assertEquals(StatementGuard.Kind.READ, StatementGuard.classify("  select 1"));
        assertEquals(StatementGuard.Kind.READ, StatementGuard.classify("WITH x AS (SELECT 1) SELECT * FROM x"));
        assertEquals(StatementGuard.Kind.READ, StatementGuard.classify("PRAGMA table_info(t)"));
        assertEquals(StatementGuard.Kind.READ, StatementGuard.classify("PRAGMA main.table_list"));
        assertEquals(StatementGuard.Kind.WRITE, StatementGuard.classify("INSERT INTO t VALUES (1)"));
        assertEquals(StatementGuard.Kind.WRITE, StatementGuard.classify("CREATE TABLE t (x)"));
        assertEquals(StatementGuard.Kind.SETTING, StatementGuard.classify("PRAGMA defer_foreign_keys = on"));
        assertEquals(StatementGuard.Kind.SETTING, StatementGuard.classify("PRAGMA foreign_keys=off"));
    }
}
