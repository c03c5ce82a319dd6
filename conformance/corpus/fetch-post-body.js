// RT-8 outbound fetch POST with a text body and a content type
export default {
  async fetch(request, env) {
    const r = await fetch(env.ORIGIN + '/echo', { method: 'POST', body: 'hello origin', headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    return new Response(await r.text(), { headers: { 'content-type': 'application/json' } });
  },
};
