// RT-8 outbound fetch body read chunk by chunk with a reader; the total matches the origin
export default {
  async fetch(request, env) {
    const r = await fetch(env.ORIGIN + '/big?n=300000');
    const reader = r.body.getReader();
    let total = 0, sum = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      for (const b of value) sum = (sum + b) % 1000003;
    }
    return Response.json({ total, sum, length: r.headers.get('content-length') });
  },
};
