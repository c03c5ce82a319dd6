// RT-15 an error caught in fetch is turned into a JSON response with its name and message
export default {
  async fetch() {
    const out = [];
    for (const f of [() => null.x, () => JSON.parse('{'), () => new Response('x', { status: 99 }), () => { throw new RangeError('r'); }]) {
      try { f(); } catch (e) { out.push(e.name); }
    }
    return Response.json(out);
  },
};
