// RT-6 header values: Latin-1 characters and tabs accepted, NUL rejected (TypeError)
export default {
  fetch() {
    const out = {};
    for (const [k, v] of Object.entries({ latin: 'caf\u00e9', nul: 'a\u0000b', tab: 'a\tb' })) {
      try { out[k] = new Headers({ 'x-v': v }).get('x-v'); } catch (e) { out[k] = e.constructor.name; }
    }
    return new Response(JSON.stringify(out), { headers: { 'content-type': 'application/json' } });
  },
};
