// RT-6 File: name, type, lastModified from options, is a Blob, text()
export default {
  async fetch() {
    const f = new File(['contents'], 'notes.txt', { type: 'text/plain', lastModified: 1700000000000 });
    return Response.json({ name: f.name, type: f.type, lastModified: f.lastModified, size: f.size, isBlob: f instanceof Blob,
      text: await f.text(), tag: Object.prototype.toString.call(f), defaultLm: typeof new File([], 'x').lastModified });
  },
};
