// RT-6: the Cache API as one worker sees it. ?op=... picks a step so the test can drive put/match across requests
// and workers; op=suite runs the single-request checks and answers them as JSON.

async function errorOf(promiseFn) {
  try {
    await promiseFn();
    return 'no error';
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

async function suite() {
  const out = {};
  const cache = caches.default;
  out.types = [typeof caches, caches.default instanceof Cache, Object.prototype.toString.call(caches)];
  const named = await caches.open('named');
  out.openIsCache = named instanceof Cache && named !== caches.default;
  out.illegal = await errorOf(() => new Cache());

  await cache.put('https://cache.test/a', new Response('alpha', {
    headers: { 'content-type': 'text/plain', 'cache-control': 'max-age=600', etag: '"v1"',
      'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' },
  }));
  const hit = await cache.match('https://cache.test/a');
  out.hit = [hit.status, await hit.text(), hit.headers.get('cf-cache-status'), hit.headers.get('content-type')];
  out.age = hit.headers.get('age');
  // declared but not implemented, as in workerd: a synchronous Error after the `this` check
  for (const m of ['add', 'addAll', 'matchAll', 'keys']) {
    try {
      cache[m]('https://cache.test/a');
      out[m] = 'no error';
    } catch (e) {
      out[m] = `${e.constructor.name}: ${e.message}`;
    }
  }
  try {
    cache.add.call({}, 'https://cache.test/a');
  } catch (e) {
    out.addIllegal = e.constructor.name;
  }
  out.defaultOwn = Object.keys(caches);
  const byRequest = await cache.match(new Request('https://cache.test/a'));
  out.byRequest = byRequest === undefined ? null : byRequest.status;
  out.post = await cache.match(new Request('https://cache.test/a', { method: 'POST' }));
  const ignored = await cache.match(new Request('https://cache.test/a', { method: 'POST' }), { ignoreMethod: true });
  out.ignoreMethod = ignored === undefined ? null : ignored.status;
  out.miss = await cache.match('https://cache.test/missing');
  out.namedMiss = await named.match('https://cache.test/a');

  const inm = await cache.match(new Request('https://cache.test/a', { headers: { 'if-none-match': 'W/"v1"' } }));
  out.ifNoneMatch = [inm.status, await inm.text()];
  const inmOther = await cache.match(new Request('https://cache.test/a', { headers: { 'if-none-match': '"v2"' } }));
  out.ifNoneMatchOther = inmOther.status;
  const ims = await cache.match(new Request('https://cache.test/a', {
    headers: { 'if-modified-since': 'Thu, 22 Oct 2015 07:28:00 GMT' } }));
  out.ifModifiedSince = ims.status;
  const range = await cache.match(new Request('https://cache.test/a', { headers: { range: 'bytes=1-3' } }));
  out.range = [range.status, await range.text(), range.headers.get('content-range')];
  const suffix = await cache.match(new Request('https://cache.test/a', { headers: { range: 'bytes=-2' } }));
  out.suffix = [suffix.status, await suffix.text()];
  const bad = await cache.match(new Request('https://cache.test/a', { headers: { range: 'bytes=10-' } }));
  out.unsatisfiable = [bad.status, bad.headers.get('content-range')];

  await cache.put('https://cache.test/nostore', new Response('x', { headers: { 'cache-control': 'no-store' } }));
  out.noStore = await cache.match('https://cache.test/nostore');
  await cache.put('https://cache.test/private', new Response('x', { headers: { 'cache-control': 'private' } }));
  out.private = await cache.match('https://cache.test/private');
  await cache.put('https://cache.test/cookie', new Response('x', { headers: { 'set-cookie': 'a=b' } }));
  out.cookie = await cache.match('https://cache.test/cookie');
  await cache.put('https://cache.test/cookie2', new Response('y', {
    headers: { 'set-cookie': 'a=b', 'cache-control': 'private=Set-Cookie, max-age=60' } }));
  const cookie2 = await cache.match('https://cache.test/cookie2');
  out.cookiePrivate = [await cookie2.text(), cookie2.headers.get('set-cookie')];
  await cache.put('https://cache.test/teapot', new Response('t', { status: 418 }));
  out.defaultTtl418 = await cache.match('https://cache.test/teapot');
  await cache.put('https://cache.test/s', new Response('s', { headers: { 'cache-control': 'max-age=0, s-maxage=60' } }));
  out.sMaxAgeWins = (await cache.match('https://cache.test/s'))?.status ?? null;

  out.nonGet = await errorOf(() => cache.put(new Request('https://cache.test/p', { method: 'POST' }), new Response('x')));
  out.partial = await errorOf(() => cache.put('https://cache.test/p', new Response('x', { status: 206 })));
  out.varyStar = await errorOf(() => cache.put('https://cache.test/p', new Response('x', { headers: { vary: '*' } })));
  out.notResponse = await errorOf(() => cache.put('https://cache.test/p', 'text'));
  const used = new Response('used');
  await used.text();
  out.bodyUsed = await errorOf(() => cache.put('https://cache.test/p', used));
  out.relative = await errorOf(() => cache.match('/relative'));
  out.longName = await errorOf(() => caches.open('n'.repeat(1024)));
  await cache.put('https://cache.test/304', new Response(null, { status: 304 }));
  out.put304 = await cache.match('https://cache.test/304');

  await named.put('https://cache.test/a', new Response('named', { headers: { 'cache-control': 'max-age=60' } }));
  out.named = await (await named.match('https://cache.test/a')).text();
  out.deletePost = await cache.delete(new Request('https://cache.test/a', { method: 'POST' }));
  out.delete = await cache.delete('https://cache.test/a');
  out.deleteAgain = await cache.delete('https://cache.test/a');
  out.afterDelete = await cache.match('https://cache.test/a');
  out.namedStays = await (await named.match('https://cache.test/a')).text();
  return out;
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const op = url.searchParams.get('op');
    const key = 'https://cache.test/' + (url.searchParams.get('key') ?? 'k');
    if (op === 'suite') {
      return Response.json(await suite());
    }
    if (op === 'put') {
      await caches.default.put(key, new Response(url.searchParams.get('value') ?? 'v', {
        headers: { 'cache-control': url.searchParams.get('cc') ?? 'max-age=600' } }));
      return new Response('stored');
    }
    if (op === 'match') {
      const hit = await caches.default.match(key);
      return hit === undefined ? new Response('miss', { status: 404 }) : hit;
    }
    return new Response('unknown op', { status: 400 });
  },
};
