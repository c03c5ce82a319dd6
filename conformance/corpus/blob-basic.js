// RT-6 Blob: size, type lower-casing, text/arrayBuffer/bytes, slice with negative indexes, parts of mixed kinds
export default {
  async fetch() {
    const b = new Blob(['h\u00e9', new Uint8Array([33, 34]), new Blob(['-end'])], { type: 'Text/Plain' });
    const s = b.slice(-4, -1, 'x/y');
    return Response.json({ size: b.size, type: b.type, text: await b.text(), buf: [...new Uint8Array(await b.arrayBuffer())],
      slice: [s.size, s.type, await s.text()], empty: [new Blob().size, new Blob().type], tag: Object.prototype.toString.call(b) });
  },
};
