package dev.outpost.d1.model;

/** D1-15: the bookmark the database is at after the restore, and the one before it (to undo). */
public record RestoreOutcome(String bookmark, String previousBookmark, String message) {
}
