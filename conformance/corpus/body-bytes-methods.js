// RT-6 body readers across Request, Response and Blob: bytes() where present, blob() types, arrayBuffer sizes
// request: {"method":"POST","path":"/","headers":{"content-type":"application/octet-stream"},"body":"xyz"}
export default {
  async fetch(request) {
    const kinds = { requestBytes: typeof request.bytes, responseBytes: typeof Response.prototype.bytes, blobBytes: typeof Blob.prototype.bytes };
    const r = new Response('abc', { headers: { 'content-type': 'text/x-a' } });
    const blob = await r.blob();
    const bytes = typeof request.bytes === 'function' ? [...await request.bytes()] : [...new Uint8Array(await request.arrayBuffer())];
    return Response.json({ kinds, blob: [blob.type, blob.size], bytes, emptyBlob: (await new Response(null).blob()).size });
  },
};
