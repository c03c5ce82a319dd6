// RT-8 outbound fetch with an already aborted signal rejects with the abort reason
export default {
  async fetch(request, env) {
    const c = new AbortController();
    c.abort(new Error('stop now'));
    try {
      await fetch(env.ORIGIN + '/echo', { signal: c.signal });
      return Response.json({ aborted: false });
    } catch (e) {
      return Response.json({ name: e.name, message: e.message });
    }
  },
};
