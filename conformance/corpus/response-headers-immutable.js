// RT-6 headers of Response.redirect() and Response.error() are immutable (TypeError), constructed ones are not
export default {
  fetch() {
    const out = {};
    for (const [k, r] of Object.entries({ redirect: Response.redirect('https://example.com/'), error: Response.error(), plain: new Response('x') })) {
      try { r.headers.set('x-a', '1'); out[k] = 'mutable'; } catch (e) { out[k] = e.constructor.name; }
    }
    return Response.json(out);
  },
};
