// RT-6 copying a Request: turning a request with a body into GET/HEAD throws TypeError, copying without a method change does not
// request: {"method":"POST","path":"/","body":"abc"}
export default {
  async fetch(request) {
    const out = {};
    const attempt = async (k, f) => { try { const r = f(); out[k] = [r.method, r.body === null, await r.text()]; } catch (e) { out[k] = e.constructor.name; } };
    await attempt('incomingToGet', () => new Request(request.clone(), { method: 'GET' }));
    await attempt('bodyToHead', () => new Request(new Request('https://e.com/', { method: 'POST', body: '' }), { method: 'HEAD' }));
    await attempt('plainCopy', () => new Request(request, { headers: { 'x-a': '1' } }));
    return Response.json(out);
  },
};
