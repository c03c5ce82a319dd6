// RT-6 Blob edge cases: slice with start past end, out-of-range indexes, nested Blob types, typed array views as parts
export default {
  async fetch() {
    const b = new Blob(['0123456789']);
    const view = new Uint16Array([0x4241, 0x4443]);
    return Response.json({
      startAfterEnd: (await b.slice(7, 3).text()), big: await b.slice(-100, 100).text(), tail: await b.slice(8).text(),
      nested: new Blob([new Blob(['x'], { type: 'a/b' })]).type, view: await new Blob([view]).text(),
      sub: await new Blob([new Uint8Array([65, 66, 67, 68]).subarray(1, 3)]).text(), typeBad: new Blob([], { type: 'caf\u00e9' }).type,
    });
  },
};
