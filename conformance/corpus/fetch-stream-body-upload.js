// RT-8 outbound fetch with a ReadableStream request body (sent chunked) and the incoming body forwarded
// request: {"method":"POST","path":"/","body":"forwarded body","headers":{"content-type":"text/plain"}}
export default {
  async fetch(request, env) {
    const forwarded = await (await fetch(env.ORIGIN + '/echo', { method: 'POST', body: request.body })).json();
    const enc = new TextEncoder();
    const stream = new ReadableStream({ start(c) { c.enqueue(enc.encode('part1,')); c.enqueue(enc.encode('part2')); c.close(); } });
    const streamed = await (await fetch(env.ORIGIN + '/echo', { method: 'POST', body: stream, duplex: 'half' })).json();
    return Response.json({ forwarded: forwarded.body, streamed: streamed.body });
  },
};
