// RT-6 TransformStream start/transform/flush ordering, enqueue of several chunks, writer/readable sides
export default {
  async fetch() {
    const log = [];
    const ts = new TransformStream({
      start() { log.push('start'); },
      transform(chunk, c) { log.push(`t:${chunk}`); c.enqueue(chunk); c.enqueue(chunk * 10); },
      flush(c) { log.push('flush'); c.enqueue('end'); },
    });
    const writer = ts.writable.getWriter();
    const reader = ts.readable.getReader();
    const out = [];
    const reading = (async () => { for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value); })();
    await writer.write(1);
    await writer.write(2);
    await writer.close();
    await reading;
    return Response.json({ log, out });
  },
};
