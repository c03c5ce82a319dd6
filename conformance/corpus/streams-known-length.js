// RT-6 streams of known length (R2-2's rule for R2 put): a string or Blob body's stream and a FixedLengthStream's readable go out with Content-Length, a JS-made stream chunked; FixedLengthStream errors on a wrong byte count
// request: {"path":"/string"}
// request: {"path":"/blob"}
// request: {"path":"/fixed"}
// request: {"path":"/pipe"}
// request: {"path":"/js"}
// request: {"path":"/errors"}
// compare-headers: content-length, transfer-encoding
const bytes = (s) => new TextEncoder().encode(s);
const err = (e) => `${e.name}: ${e.message}`;
async function caught(p) { try { return await p; } catch (e) { return err(e); } }

/** Writes the chunks into a FixedLengthStream of {@code length} and reads what comes out (or the error). */
async function through(length, chunks) {
  const { readable, writable } = new FixedLengthStream(length);
  const read = caught(new Response(readable).text());
  const w = writable.getWriter();
  for (const c of chunks) w.write(bytes(c)).catch(() => {});
  w.close().catch(() => {});
  return read;
}

export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === '/string') return new Response(new Response('streamed').body);
    if (path === '/blob') return new Response(new Response(new Blob(['bl', 'ob'])).body);
    if (path === '/fixed') {
      const { readable, writable } = new FixedLengthStream(11);
      const w = writable.getWriter();
      w.write(bytes('hello ')).then(() => w.write(bytes('world'))).then(() => w.close());
      return new Response(readable);
    }
    if (path === '/pipe') {
      const f = new FixedLengthStream(8);
      new Response('piped in').body.pipeTo(f.writable);
      return new Response(f.readable);
    }
    if (path === '/js') {
      return new Response(new ReadableStream({ start(c) { c.enqueue(bytes('made in js')); c.close(); } }));
    }
    const out = {};
    out.exact = await through(5, ['ab', 'cde']);
    out.tooFew = await through(5, ['ab']);
    out.tooMany = await through(3, ['ab', 'cd']);
    out.empty = await through(0, []);
    out.isIdentity = new FixedLengthStream(1) instanceof IdentityTransformStream;
    out.isTransform = new FixedLengthStream(1) instanceof TransformStream;
    out.negative = await caught(Promise.resolve().then(() => new FixedLengthStream(-1)));
    out.missing = await caught(Promise.resolve().then(() => new FixedLengthStream()));
    out.tooBig = await caught(Promise.resolve().then(() => new FixedLengthStream(2 ** 53)));
    return Response.json(out);
  },
};
