// RT-8 outbound fetch redirect: 'manual' returns the 3xx with its Location header
export default {
  async fetch(request, env) {
    const r = await fetch(env.ORIGIN + '/redirect/1', { redirect: 'manual' });
    return Response.json({ status: r.status, location: r.headers.get('location'), redirected: r.redirected, body: await r.text() });
  },
};
