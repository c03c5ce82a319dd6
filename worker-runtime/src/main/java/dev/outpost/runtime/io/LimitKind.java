package dev.outpost.runtime.io;

/** Which limit ended a request or an isolate. */
public enum LimitKind {
    CPU,
    MEMORY,
    WALL
}
