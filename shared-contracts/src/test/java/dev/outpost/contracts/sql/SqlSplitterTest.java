package dev.outpost.contracts.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlSplitterTest {

    @Test
    void splitsOnTopLevelSemicolonsOnly() {
        List<String> s = SqlSplitter.split("""
                CREATE TABLE "a;b" (x TEXT DEFAULT 'it''s; fine'); -- a comment; with semicolon
                INSERT INTO [a;b] VALUES ('x;y') /* block; comment */ ;
                ;;
                SELECT `q;` FROM t
                """);
        assertEquals(3, s.size(), s.toString());
        assertTrue(s.get(0).startsWith("CREATE TABLE \"a;b\""));
        assertTrue(s.get(1).contains("'x;y'"));
        assertEquals("SELECT `q;` FROM t", s.get(2));
    }

    @Test
    void triggerBodiesStayInOneStatement() {
        List<String> s = SqlSplitter.split("""
                CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN
                  INSERT INTO log VALUES (new.id);
                  UPDATE c SET n = n + 1;
                END;
                SELECT 1;""");
        assertEquals(2, s.size(), s.toString());
        assertTrue(s.get(0).endsWith("END"));
        assertEquals("SELECT 1", s.get(1));
    }

    @Test
    void commentOnlyInputIsBlank() {
        assertTrue(SqlSplitter.isBlank("  -- nothing here\n/* nor here */ ; "));
    }
}
