// ReadableStream / WritableStream / TransformStream behaviours and stream bodies (RT-6), compared in
// StreamsConformanceTest with what workerd answered for the same script.
const enc = new TextEncoder();
const dec = new TextDecoder();
async function collect(stream) {
  const out = [];
  for await (const chunk of stream) out.push(typeof chunk === 'string' ? chunk : dec.decode(chunk));
  return out;
}
export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/stream-body') {
      let i = 0;
      const rs = new ReadableStream({
        pull(c) {
          if (i === 3) { c.close(); return; }
          c.enqueue(enc.encode(`chunk${i++};`));
        },
      });
      return new Response(rs, { headers: { 'x-kind': 'stream' } });
    }
    if (url.pathname === '/timed-body') {
      const { readable, writable } = new TransformStream();
      const w = writable.getWriter();
      (async () => {
        for (const part of ['a', 'b', 'c']) {
          await scheduler.wait(2);
          await w.write(enc.encode(part));
        }
        await w.close();
      })();
      return new Response(readable.pipeThrough(new TextDecoderStream()).pipeThrough(new TextEncoderStream()));
    }
    const out = {};
    const t = async (k, f) => {
      try { out[k] = await f(); } catch (e) { out[k] = 'ERR ' + e.name + ': ' + e.message; }
    };
    await t('reader', async () => {
      const rs = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
      const r = rs.getReader();
      const res = [rs.locked, await r.read(), await r.read(), await r.read()];
      r.releaseLock();
      return [...res, rs.locked];
    });
    await t('locked', () => { const rs = new ReadableStream(); rs.getReader(); return rs.getReader(); });
    await t('bodyReader', async () => {
      const r = new Response('hello body');
      const reader = r.body.getReader();
      const first = await reader.read();
      return [dec.decode(first.value), r.bodyUsed, (await reader.read()).done];
    });
    await t('nullBody', () => new Response(null).body);
    await t('respStream', async () => {
      const rs = new ReadableStream({ start(c) { c.enqueue(enc.encode('x')); c.enqueue(enc.encode('y')); c.close(); } });
      const r = new Response(rs);
      return [r.headers.get('content-type'), await r.text(), r.bodyUsed];
    });
    await t('respStreamUsed', async () => {
      const r = new Response(new ReadableStream({ start(c) { c.close(); } }));
      await r.text();
      return r.text();
    });
    await t('tee', async () => {
      const rs = new ReadableStream({ start(c) { c.enqueue('1'); c.enqueue('2'); c.close(); } });
      const [a, b] = rs.tee();
      return [await collect(a), await collect(b)];
    });
    await t('cloneStream', async () => {
      const r = new Response(new ReadableStream({ start(c) { c.enqueue(enc.encode('cl')); c.close(); } }));
      const c2 = r.clone();
      return [await r.text(), await c2.text()];
    });
    await t('transform', async () => {
      const upper = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); }, flush(c) { c.enqueue('!'); } });
      const rs = new ReadableStream({ start(c) { c.enqueue('ab'); c.enqueue('cd'); c.close(); } });
      return collect(rs.pipeThrough(upper));
    });
    await t('textStreams', async () => {
      const rs = new ReadableStream({ start(c) { c.enqueue('h\u00e9'); c.enqueue('llo'); c.close(); } });
      const bytes = rs.pipeThrough(new TextEncoderStream());
      return (await collect(bytes.pipeThrough(new TextDecoderStream()))).join('');
    });
    await t('writable', async () => {
      const got = [];
      const ws = new WritableStream({ write(chunk) { got.push(chunk); }, close() { got.push('closed'); } });
      const w = ws.getWriter();
      await w.write('x');
      await w.write('y');
      await w.close();
      return [got, ws.locked];
    });
    await t('pipeTo', async () => {
      const got = [];
      const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
      await rs.pipeTo(new WritableStream({ write(c) { got.push(c); } }));
      return [got, rs.locked];
    });
    await t('errored', async () => {
      const rs = new ReadableStream({ start(c) { c.error(new TypeError('boom')); } });
      return rs.getReader().read();
    });
    await t('cancel', async () => {
      let reason;
      const rs = new ReadableStream({ cancel(r) { reason = r; } });
      await rs.cancel('stop');
      return [reason, await rs.getReader().read()];
    });
    await t('from', async () => collect(ReadableStream.from(['p', 'q'])));
    await t('blobStream', async () => collect(new Blob(['blob-data']).stream()));
    await t('reqStream', async () => {
      const req = new Request('http://x/', { method: 'POST', body: new ReadableStream({ start(c) { c.enqueue(enc.encode('rq')); c.close(); } }) });
      return req.text();
    });
    await t('strategy', () => [new CountQueuingStrategy({ highWaterMark: 3 }).highWaterMark,
      new ByteLengthQueuingStrategy({ highWaterMark: 8 }).size(new Uint8Array(5))]);
    await t('identity', async () => {
      const { readable, writable } = new IdentityTransformStream();
      const w = writable.getWriter();
      w.write(enc.encode('id'));
      w.close();
      return collect(readable);
    });
    await t('gzipRoundTrip', async () => {
      const text = 'compress me '.repeat(50);
      const packed = await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
      const unpacked = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
      return [packed.byteLength < text.length, new Uint8Array(packed)[0], new Uint8Array(packed)[1], unpacked === text];
    });
    await t('deflateRaw', async () => {
      // "hello" as deflate-raw and deflate (zlib), produced by a standard zlib.
      const raw = new Uint8Array([0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]);
      const zlib = new Uint8Array([0x78, 0x9c, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x06, 0x2c, 0x02, 0x15]);
      const a = await new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
      const b = await new Response(new Blob([zlib]).stream().pipeThrough(new DecompressionStream('deflate'))).text();
      return [a, b];
    });
    await t('compressBadFormat', () => new CompressionStream('brotli'));
    return Response.json(out);
  },
};
