// RT-6 Response body consumed twice: the second read rejects with TypeError and bodyUsed flips
export default {
  async fetch() {
    const r = new Response('once');
    const before = r.bodyUsed;
    const first = await r.text();
    let second;
    try { await r.arrayBuffer(); second = 'no error'; } catch (e) { second = e.constructor.name; }
    return Response.json({ before, first, after: r.bodyUsed, second });
  },
};
