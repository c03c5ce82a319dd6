// RT-6 cloning a Response whose body is a stream: both clones read the full body
export default {
  async fetch() {
    const enc = new TextEncoder();
    const r = new Response(new ReadableStream({ start(c) { c.enqueue(enc.encode('part1 ')); c.enqueue(enc.encode('part2')); c.close(); } }));
    const c = r.clone();
    const [a, b] = await Promise.all([r.text(), c.text()]);
    return Response.json({ a, b });
  },
};
