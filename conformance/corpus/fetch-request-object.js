// RT-8 outbound fetch with a Request object as input, and with a Request plus an init override
export default {
  async fetch(request, env) {
    const req = new Request(env.ORIGIN + '/echo?r=1', { method: 'POST', body: 'from request', headers: { 'x-req': 'yes' } });
    const a = await (await fetch(req)).json();
    const req2 = new Request(env.ORIGIN + '/echo?r=2', { headers: { 'x-req': 'one' } });
    const b = await (await fetch(req2, { method: 'PATCH', body: 'override', headers: { 'x-req': 'two' } })).json();
    return Response.json({ a, b });
  },
};
