// RT-6 DecompressionStream of fixed gzip and deflate bytes produced elsewhere (zlib), and a corrupt input error
const gzip = 'H4sIAAAAAAAAA8tIzcnJVyjPL8pJAQCFEUoNCwAAAA==';
const deflate = 'eJzLSM3JyVcozy/KSQEAGgsEXQ==';
async function inflate(b64, format) {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format))).text();
}
export default {
  async fetch() {
    let corrupt;
    try { await inflate('AAAAAAAAAAAA', 'gzip'); corrupt = 'no error'; } catch (e) { corrupt = e.constructor.name; }
    return Response.json({ gzip: await inflate(gzip, 'gzip'), deflate: await inflate(deflate, 'deflate'), corrupt });
  },
};
