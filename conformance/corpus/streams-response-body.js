// RT-6 a Response built from a ReadableStream of bytes is returned to the client
export default {
  fetch() {
    const enc = new TextEncoder();
    const body = new ReadableStream({ start(c) { c.enqueue(enc.encode('streamed ')); c.enqueue(enc.encode('body')); c.close(); } });
    return new Response(body, { headers: { 'content-type': 'text/plain' } });
  },
};
