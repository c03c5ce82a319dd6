// RT-6 structuredClone rejects functions and symbols with DataCloneError; errors and class instances become plain data
export default {
  fetch() {
    const out = {};
    for (const [k, v] of Object.entries({ fn: () => 1, sym: Symbol('s'), nestedFn: { a: { b() {} } } })) {
      try { structuredClone(v); out[k] = 'no error'; } catch (e) { out[k] = [e.name, e.code, e instanceof DOMException]; }
    }
    class Point { constructor() { this.x = 1; } get y() { return 2; } }
    const p = structuredClone(new Point());
    const err = structuredClone(new RangeError('bad range'));
    out.point = [p instanceof Point, p.x, p.y];
    out.error = [err instanceof RangeError, err.name, err.message];
    return Response.json(out);
  },
};
