// RT-8 outbound fetch redirect: 'error' is refused with a TypeError
export default {
  async fetch(request, env) {
    try {
      const r = await fetch(env.ORIGIN + '/redirect/1', { redirect: 'error' });
      return Response.json({ resolved: r.status });
    } catch (e) {
      return Response.json({ name: e.name, isTypeError: e instanceof TypeError });
    }
  },
};
