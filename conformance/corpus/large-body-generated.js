// RT-6 a large (4 MB) generated response body streamed in 64 KB chunks
export default {
  fetch() {
    let sent = 0;
    const chunk = new Uint8Array(65536).map((_, i) => 97 + (i % 26));
    const stream = new ReadableStream({
      pull(c) {
        if (sent >= 64) { c.close(); return; }
        sent++;
        c.enqueue(chunk);
      },
    });
    return new Response(stream, { headers: { 'content-type': 'application/octet-stream' } });
  },
};
