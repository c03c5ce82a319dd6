// RT-8 outbound fetch GET: status, headers and a JSON body from the origin
// request: {"path":"/?q=1"}
export default {
  async fetch(request, env) {
    const r = await fetch(env.ORIGIN + '/echo?a=1&b=two');
    const data = await r.json();
    return Response.json({ status: r.status, ok: r.ok, type: r.headers.get('content-type'), origin: r.headers.get('x-origin'), data, redirected: r.redirected, url: r.url.replace(env.ORIGIN, '') });
  },
};
