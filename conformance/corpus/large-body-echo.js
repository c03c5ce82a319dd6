// RT-6 a large (3 MB) request body echoed back streamed, and its length and checksum
// request: {"method":"POST","path":"/echo","body":"@big","headers":{"content-type":"application/octet-stream"}}
// request: {"method":"POST","path":"/sum","body":"@big","headers":{"content-type":"application/octet-stream"}}
export default {
  async fetch(request) {
    if (new URL(request.url).pathname === '/echo') return new Response(request.body);
    const buf = new Uint8Array(await request.arrayBuffer());
    let sum = 0;
    for (const b of buf) sum = (sum * 31 + b) % 1000003;
    return Response.json({ length: buf.byteLength, sum });
  },
};
