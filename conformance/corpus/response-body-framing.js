// RT-6 response bodies of known length go out with Content-Length, as workerd sends them: an echoed request body, a Blob's stream, a FixedLengthStream's readable, a fetched response's body; a JS-made stream chunked
// request: {"method":"POST","path":"/echo","body":"echo me back"}
// request: {"path":"/blob"}
// request: {"path":"/fixed"}
// request: {"path":"/fetched"}
// request: {"path":"/js"}
// compare-headers: content-length, transfer-encoding
export default {
  async fetch(request, env) {
    switch (new URL(request.url).pathname) {
      case '/echo':
        return new Response(request.body);
      case '/blob':
        return new Response(new Blob(['abcd']).stream());
      case '/fixed': {
        const { readable, writable } = new FixedLengthStream(3);
        const w = writable.getWriter();
        w.write(new Uint8Array([65, 66, 67]));
        w.close();
        return new Response(readable);
      }
      case '/fetched': {
        const r = await fetch(env.ORIGIN + '/echo', { method: 'POST', body: 'from origin' });
        return new Response(r.body);
      }
      default:
        return new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1, 2])); c.close(); } }));
    }
  },
};
