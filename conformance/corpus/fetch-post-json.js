// RT-8 outbound fetch POST with a JSON string body and a default content type for a string body
export default {
  async fetch(request, env) {
    const a = await (await fetch(env.ORIGIN + '/echo', { method: 'POST', body: JSON.stringify({ x: [1, 2, 3] }), headers: { 'content-type': 'application/json' } })).json();
    const b = await (await fetch(env.ORIGIN + '/echo', { method: 'PUT', body: 'plain' })).json();
    return Response.json({ a, b });
  },
};
