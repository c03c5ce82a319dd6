// RT-6 Response status, statusText, ok and type of constructed responses
export default {
  fetch() {
    const a = new Response('x', { status: 418, statusText: 'Teapot' });
    const b = new Response(null);
    const c = new Response('y', { status: 299 });
    return Response.json({
      a: { status: a.status, statusText: a.statusText, ok: a.ok, type: a.type, redirected: a.redirected, url: a.url },
      b: { status: b.status, statusText: b.statusText, ok: b.ok, body: b.body },
      c: { ok: c.ok, status: c.status },
    });
  },
};
