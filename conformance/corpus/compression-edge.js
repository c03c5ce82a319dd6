// RT-6 compression edges: empty input round trip, many small chunks, decompressing a stream split into single bytes
async function collect(readable) {
  return new Uint8Array(await new Response(readable).arrayBuffer());
}
export default {
  async fetch() {
    const empty = await collect(new Blob([]).stream().pipeThrough(new CompressionStream('gzip')));
    const emptyBack = await collect(new Blob([empty]).stream().pipeThrough(new DecompressionStream('gzip')));
    const parts = Array.from({ length: 100 }, (_, i) => `chunk ${i};`);
    const packed = await collect(new Blob(parts).stream().pipeThrough(new CompressionStream('deflate')));
    const bytes = new ReadableStream({ start(c) { for (const b of packed) c.enqueue(new Uint8Array([b])); c.close(); } });
    const back = new TextDecoder().decode(await collect(bytes.pipeThrough(new DecompressionStream('deflate'))));
    return Response.json({ emptyBack: emptyBack.length, gzipEmptyHead: [empty[0], empty[1]], same: back === parts.join('') });
  },
};
