// RT-6 CompressionStream/DecompressionStream round trips for gzip, deflate and deflate-raw; unknown format TypeError
async function pump(data, stream) {
  const out = [];
  const reader = new Blob([data]).stream().pipeThrough(stream).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(...r.value);
  return new Uint8Array(out);
}
export default {
  async fetch() {
    const text = 'compress me '.repeat(50) + '\u2713';
    const out = {};
    for (const format of ['gzip', 'deflate', 'deflate-raw']) {
      const packed = await pump(new TextEncoder().encode(text), new CompressionStream(format));
      const back = new TextDecoder().decode(await pump(packed, new DecompressionStream(format)));
      out[format] = { smaller: packed.length < text.length, same: back === text, head: format === 'gzip' ? [packed[0], packed[1], packed[2]] : null };
    }
    try { new CompressionStream('brotli'); out.unknown = 'no error'; } catch (e) { out.unknown = e.constructor.name; }
    return Response.json(out);
  },
};
