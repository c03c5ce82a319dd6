package dev.outpost.runtime.api;

import dev.outpost.runtime.bindings.D1Statement;
import dev.outpost.runtime.bindings.D1Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** D1-2 / D1-9: the one-string form of a query's statements that d1.js sends for null/number/string params. */
class D1StatementTextTest {

    @Test
    void readsStatementsAndTypedParams() {
        assertEquals(List.of(
                        new D1Statement("SELECT ?", List.of(D1Value.of(42L), D1Value.NULL, D1Value.of("a:b;"), D1Value.of(""),
                                D1Value.of(1.5), D1Value.of(-7L), D1Value.of(1e21), D1Value.of(-1.5e-7), D1Value.of(9007199254740992L))),
                        new D1Statement("", List.of())),
                D1StatementText.decode("8:SELECT ?9:d42;ns4:a:b;s0:d1.5;d-7;d1e+21;d-1.5e-7;d9007199254740992;0:0:"));
    }

    @Test
    void refusesMalformedText() {
        for (String bad : new String[]{"5:SEL", "3:abc", "3:abc1:x", "3:abc1:d12", "3:abc1:s9:x", ":abc0:", "x:abc0:",
                "3:abc1:d-;", "3:abc2:n"}) {
            assertThrows(IllegalArgumentException.class, () -> D1StatementText.decode(bad), bad);
        }
    }
}
