// RT-6 new Request(): method normalisation, defaults, init headers, url resolution
export default {
  async fetch() {
    const r1 = new Request('https://example.com/a/../b?q=1#frag', { method: 'post', headers: { 'X-One': '1' }, body: 'x' });
    const r2 = new Request('https://example.com/', { method: 'delete' });
    const r3 = new Request(r1, { method: 'PUT' });
    const r4 = new Request('https://example.com/');
    const errors = {};
    for (const [k, f] of Object.entries({
      getBody: () => new Request('https://example.com/', { method: 'GET', body: 'x' }),
      headBody: () => new Request('https://example.com/', { method: 'HEAD', body: 'x' }),
      badMethod: () => new Request('https://example.com/', { method: 'BAD METHOD' }),
      relative: () => new Request('/relative'),
      lowerPatch: () => new Request('https://example.com/', { method: 'patch' }),
    })) {
      try { f(); errors[k] = 'no error'; } catch (e) { errors[k] = e.constructor.name; }
    }
    const methods = {};
    for (const m of ['FOO', 'PATCH', 'PURGE', 'TRACE', 'CONNECT', 'propfind', 'PROPFIND', 'Get', 'QUERY', 'M-SEARCH']) {
      try { methods[m] = new Request('https://example.com/', { method: m }).method; } catch (e) { methods[m] = e.constructor.name; }
    }
    return Response.json({ methods,
      r1: { method: r1.method, url: r1.url, one: r1.headers.get('x-one'), redirect: r1.redirect },
      r2: r2.method, r3: { method: r3.method, url: r3.url, one: r3.headers.get('x-one'), text: await r3.text() },
      r4: { method: r4.method, body: r4.body, bodyUsed: r4.bodyUsed, redirect: r4.redirect },
      errors,
    });
  },
};
