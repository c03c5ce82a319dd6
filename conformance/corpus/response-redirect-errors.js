// RT-6 Response.redirect() rejects non-redirect statuses (RangeError) and bad URLs (TypeError)
export default {
  fetch() {
    const out = {};
    for (const [k, f] of Object.entries({
      status200: () => Response.redirect('https://example.com/', 200),
      badUrl: () => Response.redirect('not a url'),
      status308: () => Response.redirect('https://example.com/', 308),
    })) {
      try { const r = f(); out[k] = { status: r.status, location: r.headers.get('location') }; } catch (e) { out[k] = e.constructor.name; }
    }
    return Response.json(out);
  },
};
