// RT-6 Response.json() with values JSON cannot serialise (BigInt, cycles) throws TypeError; undefined gives an empty-ish body
export default {
  async fetch() {
    const out = {};
    const cyc = {};
    cyc.self = cyc;
    for (const [k, v] of Object.entries({ bigint: 1n, cycle: cyc })) {
      try { Response.json(v); out[k] = 'no error'; } catch (e) { out[k] = e.constructor.name; }
    }
    out.string = await Response.json('str').text();
    out.nullBody = await Response.json(null).text();
    out.headersKept = Response.json({}, { headers: { 'content-type': 'application/vnd.custom+json' } }).headers.get('content-type');
    return Response.json(out);
  },
};
