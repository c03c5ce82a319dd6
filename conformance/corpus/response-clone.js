// RT-6 Response.clone(): both bodies readable, headers copied, clone of a used body throws
export default {
  async fetch() {
    const r = new Response('original', { status: 203, headers: { 'x-a': '1' } });
    const c = r.clone();
    const texts = [await r.text(), await c.text()];
    let afterUse;
    try { r.clone(); afterUse = 'no error'; } catch (e) { afterUse = e.constructor.name; }
    return Response.json({ texts, status: c.status, header: c.headers.get('x-a'), afterUse });
  },
};
