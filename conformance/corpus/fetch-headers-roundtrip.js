// RT-8 outbound fetch headers: custom request headers reach the origin, response headers come back
export default {
  async fetch(request, env) {
    const h = new Headers({ 'X-One': '1', 'x-two': 'a' });
    h.append('x-two', 'b');
    const r = await fetch(env.ORIGIN + '/echo', { headers: h });
    const data = await r.json();
    return Response.json({ sent: data.headers, got: [...r.headers].filter(([k]) => k.startsWith('x-') || k === 'content-type') });
  },
};
