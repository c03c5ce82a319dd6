// RT-6 structuredClone with a transfer list moves the ArrayBuffer: the clone has the bytes, the source is detached
export default {
  fetch() {
    const buf = new Uint8Array([1, 2, 3]).buffer;
    const out = structuredClone({ buf }, { transfer: [buf] });
    return Response.json({ moved: [...new Uint8Array(out.buf)], sourceLength: buf.byteLength });
  },
};
