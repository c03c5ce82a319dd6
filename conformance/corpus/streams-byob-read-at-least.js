// RT-6 ReadableStreamBYOBReader.readAtLeast (workerd's extension): fills at least minBytes (fewer only at the end), takes what is queued up to the view's size; workerd's TypeErrors for a bad minimum or a non-view
async function t(f) { try { return await f(); } catch (e) { return `${e.constructor.name}: ${e.message}`; } }
function bytes(chunks) {
  return new ReadableStream({ type: 'bytes', start(c) { for (const x of chunks) c.enqueue(new Uint8Array(x)); c.close(); } });
}
export default { async fetch() {
  const out = {};
  out.basic = await t(async () => { const r = bytes([[1, 2], [3], [4, 5, 6]]).getReader({ mode: 'byob' }); const a = await r.readAtLeast(4, new Uint8Array(8)); const b = await r.readAtLeast(1, new Uint8Array(8)); const c = await r.readAtLeast(1, new Uint8Array(8)); return [[...a.value], a.done, [...b.value], b.done, c.value.byteLength, c.done]; });
  out.partialEnd = await t(async () => { const r = bytes([[1, 2]]).getReader({ mode: 'byob' }); const a = await r.readAtLeast(4, new Uint8Array(8)); return [[...a.value], a.done]; });
  out.u16 = await t(async () => { const r = bytes([[1, 0], [2, 0, 3, 0]]).getReader({ mode: 'byob' }); const a = await r.readAtLeast(4, new Uint16Array(4)); return [[...a.value], a.value.constructor.name]; });
  out.tooMany = await t(async () => { const r = bytes([[1]]).getReader({ mode: 'byob' }); return r.readAtLeast(9, new Uint8Array(8)); });
  out.zero = await t(async () => { const r = bytes([[1]]).getReader({ mode: 'byob' }); const a = await r.readAtLeast(0, new Uint8Array(8)); return [[...a.value], a.done]; });
  out.notView = await t(async () => { const r = bytes([[1]]).getReader({ mode: 'byob' }); return r.readAtLeast(1, 5); });
  return Response.json(out);
}};
