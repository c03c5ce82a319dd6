// RT-6 structuredClone of Map, Set, Date, RegExp, typed arrays, nested objects and cycles
export default {
  fetch() {
    const src = { n: 1, s: 'x', nested: { arr: [1, [2, 3]], u: undefined, nil: null }, map: new Map([[1, 'a'], ['k', { v: 2 }]]),
      set: new Set([1, 2, 2, 3]), date: new Date(0), re: /ab+c/gi, bytes: new Uint8Array([1, 2, 3]), big: 10n, neg0: -0 };
    src.self = src;
    const c = structuredClone(src);
    return Response.json({ distinct: c !== src && c.nested !== src.nested, cycle: c.self === c, map: [...c.map], set: [...c.set],
      date: [c.date instanceof Date, c.date.getTime()], re: [c.re.source, c.re.flags, c.re instanceof RegExp],
      bytes: [c.bytes instanceof Uint8Array, [...c.bytes]], big: typeof c.big, neg0: Object.is(c.neg0, -0),
      hasU: 'u' in c.nested, nested: c.nested });
  },
};
