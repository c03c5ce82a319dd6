// RT-6 TextEncoderStream and TextDecoderStream piped through a stream of split multi-byte chunks
export default {
  async fetch() {
    const bytes = new TextEncoder().encode('caf\u00e9 \u2713 \ud83d\ude00');
    const chunks = [bytes.slice(0, 4), bytes.slice(4, 8), bytes.slice(8)];
    const source = new ReadableStream({ start(c) { for (const ch of chunks) c.enqueue(ch); c.close(); } });
    let decoded = '';
    const reader = source.pipeThrough(new TextDecoderStream()).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) decoded += r.value;
    const encReader = new ReadableStream({ start(c) { c.enqueue('a\u00e9'); c.enqueue('\ud83d'); c.enqueue('\ude00'); c.close(); } })
      .pipeThrough(new TextEncoderStream()).getReader();
    const out = [];
    for (let r = await encReader.read(); !r.done; r = await encReader.read()) out.push(...r.value);
    return Response.json({ decoded, encoded: out, encoding: new TextEncoderStream().encoding });
  },
};
