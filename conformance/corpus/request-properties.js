// RT-6 Request properties workerd exposes: signal, redirect, integrity, keepalive, headers kind; unsupported init members
// request: {"method":"POST","path":"/p?q=1","headers":{"content-type":"text/plain"},"body":"x"}
export default {
  fetch(request) {
    const r = new Request('https://example.com/', { redirect: 'manual', integrity: '' });
    const props = {};
    for (const k of ['signal', 'redirect', 'integrity', 'keepalive', 'headers', 'body', 'bodyUsed', 'method', 'url']) props[k] = typeof request[k];
    const errors = {};
    for (const [k, f] of Object.entries({
      badRedirect: () => new Request('https://example.com/', { redirect: 'nope' }),
      credentials: () => new Request('https://example.com/', { credentials: 'include' }),
      integrity: () => new Request('https://example.com/', { integrity: 'sha256-abc' }),
      modeNavigate: () => new Request('https://example.com/', { mode: 'navigate' }),
    })) {
      try { f(); errors[k] = 'no error'; } catch (e) { errors[k] = e.constructor.name; }
    }
    return Response.json({ props, signalAborted: request.signal.aborted, redirect: r.redirect, integrity: r.integrity, errors });
  },
};
