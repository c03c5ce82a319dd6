// RT-6 ReadableStream.tee(): both branches see every chunk; the source is locked
export default {
  async fetch() {
    const source = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
    const [x, y] = source.tee();
    const read = async (s) => { const r = s.getReader(); const out = []; for (let v = await r.read(); !v.done; v = await r.read()) out.push(v.value); return out; };
    return Response.json({ x: await read(x), y: await read(y), locked: source.locked });
  },
};
