// RT-6 DecompressionStream errors as workerd words them: trailing bytes after the end (gzip/deflate/raw, a second gzip member), truncated data, garbage, empty input
async function pump(data, stream) {
  try {
  const out = [];
  const reader = new Blob([data]).stream().pipeThrough(stream).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(...r.value);
  return new TextDecoder().decode(new Uint8Array(out));
  } catch (e) { return [e.name, e.message]; }
}
async function pack(t, f) { const out = []; const r = new Blob([t]).stream().pipeThrough(new CompressionStream(f)).getReader(); for (let x = await r.read(); !x.done; x = await r.read()) out.push(...x.value); return new Uint8Array(out); }
export default { async fetch() {
  const out = {};
  const g = await pack('hello', 'gzip'), d = await pack('hello', 'deflate'), raw = await pack('hello', 'deflate-raw');
  const junk = new TextEncoder().encode('junk');
  const cat = (a, b) => { const x = new Uint8Array(a.length + b.length); x.set(a); x.set(b, a.length); return x; };
  out.gzJunk = await pump(cat(g, junk), new DecompressionStream('gzip'));
  out.gzTwo = await pump(cat(g, g), new DecompressionStream('gzip'));
  out.dJunk = await pump(cat(d, junk), new DecompressionStream('deflate'));
  out.rawJunk = await pump(cat(raw, junk), new DecompressionStream('deflate-raw'));
  out.trunc = await pump(g.subarray(0, 12), new DecompressionStream('gzip'));
  out.garbage = await pump(junk, new DecompressionStream('gzip'));
  out.garbageD = await pump(junk, new DecompressionStream('deflate'));
  out.emptyD = await pump(new Uint8Array(0), new DecompressionStream('deflate'));
  return Response.json(out);
}};
