// RT-6 ReadableStream.pipeThrough(TransformStream) upper-casing text chunks, read to the end
export default {
  async fetch() {
    const source = new ReadableStream({ start(c) { ['one ', 'two ', 'three'].forEach((s) => c.enqueue(s)); c.close(); } });
    const upper = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } });
    const reader = source.pipeThrough(upper).getReader();
    const parts = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
    return Response.json({ parts, locked: source.locked });
  },
};
