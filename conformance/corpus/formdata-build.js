// RT-6 FormData API: append/set/delete/getAll/has, Blob entries become Files named "blob", iteration order
export default {
  fetch() {
    const f = new FormData();
    f.append('a', '1');
    f.append('a', '2');
    f.append('b', new Blob(['x'], { type: 'text/plain' }));
    f.append('c', new Blob(['y']), 'custom.bin');
    f.set('d', 'only');
    f.append('e', 'gone');
    f.delete('e');
    const entries = [...f].map(([k, v]) => [k, typeof v === 'string' ? v : { file: v instanceof File, name: v.name, type: v.type }]);
    f.set('a', '3');
    return Response.json({ entries, afterSet: f.getAll('a'), has: [f.has('e'), f.has('d')], number: (f.append('n', 5), f.get('n')) });
  },
};
