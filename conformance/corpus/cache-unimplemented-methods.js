// RT-6 Cache and CacheStorage methods workerd declares but does not implement (add, addAll, matchAll, keys; has, delete, keys, match): a synchronous Error after the `this` check; the surface's shape (own `default`, no toStringTag)
function attempt(target, method, ...args) {
  try {
    const result = target[method](...args);
    return `returned ${result instanceof Promise ? 'a promise' : typeof result}`;
  } catch (e) {
    return `${e.constructor.name} ${e instanceof TypeError}: ${e.message}`;
  }
}

export default {
  async fetch() {
    const cache = caches.default;
    const named = await caches.open('conformance-unimplemented');
    const out = {};
    for (const m of ['add', 'addAll', 'matchAll', 'keys']) {
      out[m] = attempt(cache, m, m === 'addAll' ? ['https://cache.conformance.test/a'] : 'https://cache.conformance.test/a');
      out[`named.${m}`] = attempt(named, m, 'https://cache.conformance.test/a');
    }
    for (const m of ['has', 'delete', 'keys', 'match']) {
      out[`caches.${m}`] = attempt(caches, m, 'x');
    }
    out.illegalAdd = attempt({ add: cache.add }, 'add', 'https://cache.conformance.test/a');
    out.cacheMethods = Object.getOwnPropertyNames(Cache.prototype).sort();
    out.storageMethods = Object.getOwnPropertyNames(CacheStorage.prototype).sort();
    out.ownKeys = Object.keys(caches);
    const d = Object.getOwnPropertyDescriptor(caches, 'default');
    out.defaultDescriptor = [d.writable, d.enumerable, d.configurable, typeof d.get];
    out.tags = [Object.prototype.toString.call(caches), Object.prototype.toString.call(cache)];
    return Response.json(out);
  },
};
