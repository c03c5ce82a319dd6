// RT-6 byte stream with a pull source read by a BYOB reader into a Uint16Array, then read to the end; closed resolves
export default {
  async fetch() {
    let n = 0;
    const rs = new ReadableStream({
      type: 'bytes',
      pull(c) { if (n === 2) { c.close(); return; } c.enqueue(new Uint8Array([n * 10 + 1, n * 10 + 2, n * 10 + 3, n * 10 + 4])); n++; },
    });
    const reader = rs.getReader({ mode: 'byob' });
    const first = await reader.read(new Uint16Array(1));
    const rest = [];
    for (;;) {
      const { value, done } = await reader.read(new Uint8Array(8));
      if (done) { rest.push(['done', value.byteLength]); break; }
      rest.push([...value]);
    }
    await reader.closed;
    let notBytes;
    try { new ReadableStream().getReader({ mode: 'byob' }); notBytes = 'no error'; } catch (e) { notBytes = e.constructor.name; }
    return Response.json({ first: [first.value.constructor.name, first.value.byteLength, first.done], rest, notBytes, closed: true });
  },
};
