// RT-6 a Response body read through body.getReader() yields Uint8Array chunks and marks bodyUsed
export default {
  async fetch() {
    const r = new Response('chunked text \u2713');
    const reader = r.body.getReader();
    const bytes = [];
    let chunks = 0;
    for (let c = await reader.read(); !c.done; c = await reader.read()) { chunks += 1; bytes.push(...c.value); if (!(c.value instanceof Uint8Array)) throw new Error('not bytes'); }
    let again;
    try { await r.text(); again = 'no error'; } catch (e) { again = e.constructor.name; }
    return Response.json({ text: new TextDecoder().decode(new Uint8Array(bytes)), bodyUsed: r.bodyUsed, again, someChunks: chunks > 0 });
  },
};
