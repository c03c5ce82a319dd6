// RT-6 URLSearchParams has(name, value)/delete(name, value), forEach, values coerced to strings, record init
export default {
  fetch() {
    const p = new URLSearchParams({ a: 1, b: true, c: null });
    p.append('a', '2');
    const seen = [];
    p.forEach((v, k, obj) => seen.push([k, v, obj === p]));
    const hasPair = [p.has('a', '2'), p.has('a', '3')];
    p.delete('a', '1');
    return Response.json({ seen, hasPair, after: p.toString(), str: String(p), empty: new URLSearchParams('&&=&x').toString() });
  },
};
