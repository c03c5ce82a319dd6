// RT-6 Response constructor errors: status out of range, body with a null-body status
export default {
  fetch() {
    const out = {};
    for (const [k, f] of Object.entries({
      s99: () => new Response('x', { status: 99 }),
      s600: () => new Response('x', { status: 600 }),
      s204body: () => new Response('x', { status: 204 }),
      s204null: () => new Response(null, { status: 204 }),
      s304empty: () => new Response(null, { status: 304 }),
    })) {
      try { out[k] = f().status; } catch (e) { out[k] = e.constructor.name; }
    }
    return Response.json(out);
  },
};
