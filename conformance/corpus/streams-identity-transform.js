// RT-6 IdentityTransformStream passes bytes (views and ArrayBuffers) through unchanged
export default {
  async fetch() {
    const { readable, writable } = new IdentityTransformStream();
    const writer = writable.getWriter();
    writer.write(new Uint8Array([1, 2, 3]));
    writer.write(new Uint8Array([4]).buffer);
    writer.close();
    const bytes = new Uint8Array(await new Response(readable).arrayBuffer());
    return Response.json({ bytes: [...bytes] });
  },
};
