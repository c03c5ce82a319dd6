// RT-8 outbound request bodies of known length (string, ArrayBuffer, Blob, FormData, URLSearchParams, FixedLengthStream, a Blob's or string body's stream, the incoming body) go out with Content-Length; a POST/PUT/DELETE without a body with Content-Length: 0; only a JS-made stream chunked
// request: {"method":"POST","path":"/","body":"incoming body"}
const bytes = (s) => new TextEncoder().encode(s);
const cases = {
  string: () => ({ method: 'POST', body: 'hello' }),
  empty: () => ({ method: 'POST', body: '' }),
  postNoBody: () => ({ method: 'POST' }),
  putNoBody: () => ({ method: 'PUT' }),
  deleteNoBody: () => ({ method: 'DELETE' }),
  get: () => ({}),
  arrayBuffer: () => ({ method: 'POST', body: new Uint8Array(10).buffer }),
  typedArray: () => ({ method: 'POST', body: new Uint16Array(3) }),
  blob: () => ({ method: 'POST', body: new Blob(['abc', 'de']) }),
  formData: () => {
    const f = new FormData();
    f.set('a', 'b');
    return { method: 'POST', body: f };
  },
  urlSearchParams: () => ({ method: 'POST', body: new URLSearchParams('a=1&b=2') }),
  fixedLengthStream: () => {
    const { readable, writable } = new FixedLengthStream(7);
    const w = writable.getWriter();
    w.write(bytes('1234567'));
    w.close();
    return { method: 'POST', body: readable };
  },
  stringBodyStream: () => ({ method: 'POST', body: new Response('twelve bytes').body }),
  blobStream: () => ({ method: 'POST', body: new Blob(['abcd']).stream() }),
  jsStream: () => ({
    method: 'POST',
    body: new ReadableStream({ start(c) { c.enqueue(bytes('xyz')); c.close(); } }),
  }),
};

export default {
  async fetch(request, env) {
    const out = {};
    for (const [name, init] of Object.entries(cases)) {
      const r = await fetch(env.ORIGIN + '/framing', init());
      const seen = await r.json();
      // a multipart body's length depends on the boundary, so only whether it matches the header is compared
      out[name] = { ...seen, contentLength: seen.contentLength === null ? null : seen.contentLength === String(seen.received) ? 'matches' : seen.contentLength };
      if (name === 'formData') delete out[name].received;
    }
    const incoming = await fetch(env.ORIGIN + '/framing', { method: 'POST', body: request.body });
    out.incomingBody = await incoming.json();
    return Response.json(out);
  },
};
