// RT-8 outbound fetch aborted by AbortSignal.timeout on a slow endpoint rejects with a TimeoutError
export default {
  async fetch(request, env) {
    try {
      await fetch(env.ORIGIN + '/slow', { signal: AbortSignal.timeout(200) });
      return Response.json({ aborted: false });
    } catch (e) {
      return Response.json({ name: e.name, isDom: e instanceof DOMException });
    }
  },
};
