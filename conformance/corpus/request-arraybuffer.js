// RT-6 Request.arrayBuffer() and bytes of a UTF-8 body
// request: {"method":"POST","path":"/","body":"h\u00e9llo"}
export default {
  async fetch(request) {
    const buf = await request.arrayBuffer();
    return Response.json({ isArrayBuffer: buf instanceof ArrayBuffer, length: buf.byteLength, bytes: [...new Uint8Array(buf)] });
  },
};
