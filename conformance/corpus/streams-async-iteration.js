// RT-6 for await over a ReadableStream, and a Response body stream read chunk by chunk
export default {
  async fetch() {
    const rs = new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } });
    const seen = [];
    for await (const chunk of rs) seen.push(chunk);
    const body = new Response('abc').body;
    let text = '';
    for await (const chunk of body) text += new TextDecoder().decode(chunk);
    return Response.json({ seen, locked: rs.locked, text, isStream: body instanceof ReadableStream });
  },
};
