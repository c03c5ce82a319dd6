// RT-6 URLSearchParams: append, getAll, set, delete, sort, has, size and serialisation
export default {
  fetch() {
    const p = new URLSearchParams('?b=2&a=1&b=3&c');
    p.append('d', 'x y');
    p.set('a', 'new');
    const before = p.toString();
    p.sort();
    const sorted = p.toString();
    p.delete('c');
    return Response.json({ before, sorted, after: p.toString(), all: p.getAll('b'), has: [p.has('b'), p.has('c')], size: p.size,
      get: p.get('missing'), fromObject: new URLSearchParams({ x: '1', y: '2' }).toString(),
      fromPairs: new URLSearchParams([['k', 'v'], ['k', 'w']]).toString() });
  },
};
