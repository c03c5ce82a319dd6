// RT-6 Headers append/set/delete/has and construction from another Headers and from pairs
export default {
  fetch() {
    const a = new Headers([['x-one', '1']]);
    a.append('x-two', '2');
    a.append('x-two', '3');
    const b = new Headers(a);
    b.delete('X-ONE');
    b.set('x-three', '3');
    return Response.json({ a: [...a], b: [...b], hasOne: [a.has('x-one'), b.has('x-one')] });
  },
};
