// RT-6 FormData file entries: set() with a filename overrides the File's name, File entries keep type and lastModified
export default {
  async fetch() {
    const f = new FormData();
    const file = new File(['abc'], 'orig.txt', { type: 'text/plain', lastModified: 42 });
    f.set('a', file);
    f.set('b', file, 'renamed.txt');
    f.append('c', new Blob(['z'], { type: 'x/y' }), 'blob.bin');
    const a = f.get('a');
    const b = f.get('b');
    const c = f.get('c');
    return Response.json({ a: [a.name, a.type, a.lastModified, a === file], b: [b.name, b.type, b.lastModified === 42, typeof b.lastModified, await b.text()],
      c: [c.name, c.type, c instanceof File], keys: [...f.keys()] });
  },
};
