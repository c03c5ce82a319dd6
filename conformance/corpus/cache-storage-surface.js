// RT-6 caches global: caches.default is a Cache, caches.open() resolves to another Cache, Cache is not constructible
export default {
  async fetch() {
    const out = {};
    out.typeofCaches = typeof caches;
    out.defaultIsCache = caches.default instanceof Cache;
    out.defaultIsStable = caches.default === caches.default;
    const opening = caches.open('conformance');
    out.openReturnsPromise = opening instanceof Promise;
    const named = await opening;
    out.namedIsCache = named instanceof Cache;
    out.namedIsNotDefault = named !== caches.default;
    out.methods = ['match', 'put', 'delete'].map((m) => typeof Cache.prototype[m]);
    try {
      new Cache();
      out.construct = 'no error';
    } catch (e) {
      out.construct = e.name;
    }
    try {
      await caches.open('x'.repeat(1024));
      out.longName = 'no error';
    } catch (e) {
      out.longName = `${e.name}: ${e.message}`;
    }
    return Response.json(out);
  },
};
