// RT-4 streamed response: a TransformStream's readable is returned while ctx.waitUntil writes it
export default {
  async fetch(request, env, ctx) {
    const { readable, writable } = new TransformStream();
    const writer = writable.getWriter();
    const enc = new TextEncoder();
    ctx.waitUntil((async () => {
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 5));
        await writer.write(enc.encode('line ' + i + '\n'));
      }
      await writer.close();
    })());
    return new Response(readable, { headers: { 'content-type': 'text/plain' } });
  },
};
