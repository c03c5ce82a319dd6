// RT-6 encodeBody: a response sent with Content-Encoding: gzip is compressed on the way out (exactly "gzip"; br/deflate/"GZIP" go as they are), 'manual' sends the bytes as given; RT-8 fetch() decodes a gzip origin body and a proxied one is re-encoded
// compare-headers: content-encoding
// request: {"method":"GET","path":"/enc?e=gzip"}
// request: {"method":"GET","path":"/enc?e=deflate"}
// request: {"method":"GET","path":"/enc?e=GZIP"}
// request: {"method":"GET","path":"/enc?e=gzip,%20br"}
// request: {"method":"GET","path":"/enc?e=identity"}
// request: {"method":"GET","path":"/enc?e=gzip&len=1"}
// request: {"method":"GET","path":"/enc?e=gzip&empty=1"}
// request: {"method":"GET","path":"/enc?e=gzip&status=204"}
// request: {"method":"HEAD","path":"/enc?e=gzip"}
// request: {"method":"GET","path":"/enc?e=gzip&manual=1"}
// request: {"method":"GET","path":"/stream"}
// request: {"method":"GET","path":"/compressionstream"}
// request: {"method":"GET","path":"/bad-option"}
// request: {"method":"GET","path":"/fetch"}
// request: {"method":"GET","path":"/fetch-manual"}
// request: {"method":"GET","path":"/proxy"}
async function hex(body) {
  return [...new Uint8Array(await new Response(body).arrayBuffer())].map((b) => b.toString(16).padStart(2, '0')).join('');
}
function gzipped(text) {
  return new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
}
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const q = url.searchParams;
    switch (url.pathname) {
      case '/enc': {
        const headers = { 'content-encoding': q.get('e'), 'content-type': 'text/plain' };
        if (q.get('len')) headers['content-length'] = '11';
        const status = Number(q.get('status') ?? 200);
        const body = status === 204 ? null : q.get('empty') ? '' : 'hello world';
        return new Response(body, { status, headers, encodeBody: q.get('manual') ? 'manual' : undefined });
      }
      case '/stream': {
        const { readable, writable } = new TransformStream();
        const writer = writable.getWriter();
        writer.write(new TextEncoder().encode('streamed '));
        writer.write(new TextEncoder().encode('body'));
        writer.close();
        return new Response(readable, { headers: { 'content-encoding': 'gzip', 'content-type': 'text/plain' } });
      }
      case '/compressionstream':
        return Response.json([await hex(gzipped('hello world')), await hex(gzipped('')),
          await hex(gzipped('abcabcabc'.repeat(100)))]);
      case '/bad-option':
        try {
          new Response('x', { encodeBody: 'bogus' });
          return new Response('accepted');
        } catch (e) {
          return new Response(`${e.name}: ${e.message}`);
        }
      case '/fetch': {
        const r = await fetch(`${env.ORIGIN}/gzip`);
        return Response.json({ encoding: r.headers.get('content-encoding'), text: await r.text() });
      }
      case '/fetch-manual': {
        const r = await fetch(`${env.ORIGIN}/gzip`, { encodeResponseBody: 'manual' });
        const raw = new Uint8Array(await r.arrayBuffer());
        const text = await new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
        return Response.json({ encoding: r.headers.get('content-encoding'), magic: [raw[0], raw[1]], text });
      }
      case '/proxy': {
        const r = await fetch(`${env.ORIGIN}/gzip`);
        return new Response(r.body, r);
      }
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
