package dev.outpost.runtime.bindings;

/** {@code exec(sql)}'s result (checklist D1-5): statements run and milliseconds taken. */
public record D1ExecResult(int count, double duration) {
}
