// RT-6 structuredClone of wrapper objects, sparse arrays, shared references, Error subclasses and ArrayBuffer views on one buffer
export default {
  fetch() {
    const shared = { k: 1 };
    const buf = new ArrayBuffer(4);
    const src = { a: shared, b: shared, wrappers: [new Number(3), new String('s'), new Boolean(false)], sparse: [1, , 3],
      views: [new Uint8Array(buf), new Uint16Array(buf)], err: new TypeError('t'), map: new Map([[shared, 'v']]) };
    const c = structuredClone(src);
    return Response.json({ sameRef: c.a === c.b, mapKey: c.map.keys().next().value === c.a,
      wrappers: c.wrappers.map((w) => [typeof w, w.valueOf()]), sparse: [c.sparse.length, 1 in c.sparse],
      sharedBuffer: c.views[0].buffer === c.views[1].buffer, err: [c.err.name, c.err instanceof TypeError, c.err.message] });
  },
};
