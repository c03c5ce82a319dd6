// Web API behaviours, compared in WebApiConformanceTest with what workerd answered for the same script.
export default {
  async fetch(request) {
    const out = {};
    const t = (k, f) => { try { out[k] = f(); } catch (e) { out[k] = 'ERR ' + e.name + ': ' + e.message; } };
    t('url1', () => new URL('HTTP://User:Pa ss@EXAMPLE.com:80/a/./b/../c?q=1 2#f g').href);
    t('url2', () => new URL('../x?y#z', 'https://a.b/c/d/e').href);
    t('url3', () => new URL('https://例え.jp/').host);
    t('url4', () => new URL('foo:bar baz').href);
    t('url5', () => new URL('http://[::1]:8080/').host);
    t('url6', () => new URL('http://192.168.0.1.:443/').origin);
    t('url7', () => new URL('/x'));
    t('url8', () => { const u = new URL('https://a/?b=1&c=2&b=3'); u.searchParams.append('d', 'e f'); u.searchParams.delete('c'); return u.href + ' ' + u.searchParams.getAll('b'); });
    t('usp', () => new URLSearchParams({a: '1', 'b c': 'd&e'}).toString());
    t('btoa', () => btoa('hello'));
    t('atob', () => atob(' aGVs bG8= '));
    t('btoaErr', () => btoa('€'));
    t('te', () => Array.from(new TextEncoder().encode('é€😀')).join(','));
    t('td', () => new TextDecoder().decode(new Uint8Array([0xff, 0x68, 0xe2, 0x82])));
    t('sc', () => { const d = structuredClone({a: new Date(0), m: new Map([[1, 2]]), s: new Set([1])}); return JSON.stringify([d.a.toISOString(), [...d.m], [...d.s]]); });
    t('scErr', () => structuredClone(() => 1));
    t('grvQ', () => crypto.getRandomValues(new Uint8Array(65537)));
    t('grvT', () => crypto.getRandomValues(new Float32Array(1)));
    t('uuid', () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
    t('redirect', () => { const r = Response.redirect('https://x.y/z', 301); return [r.status, r.headers.get('location'), r.statusText]; });
    t('redirectBad', () => Response.redirect('https://x.y/z', 200));
    t('statusBad', () => new Response('x', {status: 99}));
    t('nullBodyStatus', () => new Response('x', {status: 204}));
    t('getBody', () => new Request('http://a/', {method: 'GET', body: 'x'}));
    t('hdrBad', () => new Headers({'a b': 'x'}));
    t('hdrVal', () => new Headers({'a': ' x\t'}).get('a'));
    t('hget', () => { const h = new Headers(); h.append('a', '1'); h.append('A', '2'); h.append('set-cookie', 'c=1'); h.append('set-cookie', 'd=2'); return [h.get('a'), h.get('set-cookie'), h.getSetCookie()]; });
    t('respType', () => [new Response('x').type, Response.error().type, Response.error().status]);
    t('clone', () => structuredClone(new Error('x')).message);
    t('ab', () => new Response(new Uint8Array([1,2,3]).subarray(1)).headers.get('content-type'));
    t('qm', () => typeof queueMicrotask + typeof setInterval + typeof structuredClone + typeof performance.now());
    t('st', () => new Response('x').statusText);
    t('ct', () => new Response('x').headers.get('content-type'));
    t('jct', () => Response.json({a: 1}).headers.get('content-type'));
    t('iter', () => [...new Headers({'B': '1', 'a': '2', 'set-cookie': 'x', 'Set-Cookie': 'y'})]);
    t('immut', () => { request.headers.set('x', 'y'); return 'ok'; });
    t('del', () => new Request('http://x/', {method: 'delete'}).method);
    t('ua', () => navigator.userAgent);
    t('self', () => self === globalThis);
    return Response.json(out);
  },
};
