// RT-6 Response statusText validation: reason-phrase characters only (newline rejected), status converted like WebIDL unsigned short
export default {
  fetch() {
    const out = {};
    for (const [k, f] of Object.entries({
      newline: () => new Response('x', { statusText: 'bad\nline' }),
      latin1: () => new Response('x', { statusText: 'caf\u00e9' }),
      stringStatus: () => new Response('x', { status: '201' }),
      floatStatus: () => new Response('x', { status: 200.9 }),
      wrapped: () => new Response('x', { status: 65736 }),
      nan: () => new Response('x', { status: 'abc' }),
    })) {
      try { const r = f(); out[k] = [r.status, r.statusText]; } catch (e) { out[k] = e.constructor.name; }
    }
    return Response.json(out);
  },
};
