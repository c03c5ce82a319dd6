// RT-6 Cache.put argument TypeErrors (non-GET, 206, Vary: *) and non-GET match/delete, decided before any cache I/O
async function error(fn) {
  try {
    await fn();
    return 'no error';
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

export default {
  async fetch() {
    const cache = caches.default;
    const url = 'https://cache.conformance.test/item';
    return Response.json({
      nonGet: await error(() => cache.put(new Request(url, { method: 'POST' }), new Response('x'))),
      partial: await error(() => cache.put(url, new Response('x', { status: 206 }))),
      varyStar: await error(() => cache.put(url, new Response('x', { headers: { vary: 'Accept, *' } }))),
      matchPost: String(await cache.match(new Request(url, { method: 'POST' }))),
      deletePost: await cache.delete(new Request(url, { method: 'PUT' })),
    });
  },
};
