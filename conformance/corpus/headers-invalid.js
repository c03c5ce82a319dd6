// RT-6 Headers rejects invalid names and values with TypeError
export default {
  fetch() {
    const out = {};
    for (const [k, f] of Object.entries({
      space: () => new Headers({ 'bad name': 'x' }),
      newline: () => new Headers().set('x-a', 'a\nb'),
      colon: () => new Headers().append('a:b', 'x'),
      ok: () => new Headers().set('x-ok', 'fine'),
      pairs: () => new Headers([['a']]),
    })) {
      try { f(); out[k] = 'ok'; } catch (e) { out[k] = e.constructor.name; }
    }
    return Response.json(out);
  },
};
