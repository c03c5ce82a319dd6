package dev.outpost.durableobject.hosting;

import dev.outpost.runtime.LoadedWorker;

/**
 * What running the objects of one namespace at one script version takes: the loaded worker (one isolate per
 * version, shared by the namespaces of that script) and the namespace's class and storage backend.
 */
record ObjectCode(LoadedWorker worker, String className, boolean sqlite) {
}
