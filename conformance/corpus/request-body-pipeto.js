// RT-6 request.body piped through a TransformStream that upper-cases it, returned as the response
// request: {"method":"POST","path":"/","body":"shout this please","headers":{"content-type":"text/plain"}}
export default {
  async fetch(request) {
    const dec = new TextDecoder();
    const enc = new TextEncoder();
    const t = new TransformStream({ transform(chunk, c) { c.enqueue(enc.encode(dec.decode(chunk, { stream: true }).toUpperCase())); } });
    request.body.pipeTo(t.writable);
    return new Response(t.readable, { headers: { 'content-type': 'text/plain' } });
  },
};
