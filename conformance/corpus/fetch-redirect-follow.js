// RT-8 outbound fetch follows redirects by default: final url, redirected flag, body of the target
export default {
  async fetch(request, env) {
    const r = await fetch(env.ORIGIN + '/redirect/2');
    const data = await r.json();
    return Response.json({ status: r.status, redirected: r.redirected, url: r.url.replace(env.ORIGIN, ''), path: data.path });
  },
};
