// RT-6 byte ReadableStream (type: 'bytes') read through a BYOB reader into caller buffers
export default {
  async fetch() {
    const rs = new ReadableStream({
      type: 'bytes',
      start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5])); c.enqueue(new Uint8Array([6, 7])); c.close(); },
    });
    const reader = rs.getReader({ mode: 'byob' });
    const reads = [];
    for (;;) {
      const { value, done } = await reader.read(new Uint8Array(3));
      if (done) break;
      reads.push([...value]);
    }
    return Response.json({ reads, ctor: reader.constructor.name });
  },
};
