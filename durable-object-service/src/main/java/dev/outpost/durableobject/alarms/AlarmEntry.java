package dev.outpost.durableobject.alarms;

/**
 * One pending alarm as the node's index knows it (DO-12).
 *
 * @param storageKey  the object's storage key ({@code <namespace id>/<object id>})
 * @param accountId   whose object it is (the alarm wakes it at the version of its script deployed then)
 * @param namespaceId the object's namespace
 * @param objectId    64 hex digits
 * @param name        the name of an {@code idFromName} id, or empty
 * @param scheduled   the alarm time the object's own storage holds (ms since the epoch)
 * @param due         when to run it next: {@code scheduled}, or later while retrying after a failure
 * @param retryCount  failed attempts so far ({@code alarm({retryCount, isRetry})})
 */
public record AlarmEntry(String storageKey, String accountId, String namespaceId, String objectId, String name,
                         long scheduled, long due, int retryCount) {
}
