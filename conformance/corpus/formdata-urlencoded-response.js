// RT-6 Response(URLSearchParams).formData() parses urlencoded bodies; a non-form content type rejects with TypeError
export default {
  async fetch() {
    const parsed = await new Response(new URLSearchParams('x=1&y=%20two&x=3')).formData();
    let bad;
    try { await new Response('x=1', { headers: { 'content-type': 'text/plain' } }).formData(); bad = 'no error'; } catch (e) { bad = e.constructor.name; }
    return Response.json({ entries: [...parsed], bad });
  },
};
