// RT-8 outbound fetch status passthrough: 404 and 500 resolve (no rejection), ok is false
// request: {"path":"/404"}
// request: {"path":"/500"}
// request: {"path":"/201"}
export default {
  async fetch(request, env) {
    const code = new URL(request.url).pathname.slice(1);
    const r = await fetch(env.ORIGIN + '/status/' + code);
    return Response.json({ status: r.status, ok: r.ok, body: await r.text() });
  },
};
