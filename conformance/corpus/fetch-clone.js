// RT-8 Response.clone() of a fetched response: both branches read the same body
export default {
  async fetch(request, env) {
    const r = await fetch(env.ORIGIN + '/chunks');
    const c = r.clone();
    const [a, b] = await Promise.all([r.text(), c.text()]);
    return Response.json({ a, b, status: c.status, url: c.url.replace(env.ORIGIN, ''), used: r.bodyUsed });
  },
};
