// R2EndToEndTest's worker: env.BUCKET through the gateway's gRPC client to r2-service and S3Proxy.
//   GET  /run          runs every binding method (R2-2..R2-8, R2-11) and answers JSON
//   PUT  /obj/<key>    stores the request body (httpMetadata from the request headers, customMetadata from x-meta-*);
//                      a body without a known length (chunked) answers 400 with the TypeError
//   GET  /obj/<key>    answers the object: Range and If-* request headers go to get() as Headers (R2-4, R2-5)
//   HEAD /obj/<key>    metadata only
function err(e) { return `${e.name}: ${e.message}`; }
async function caught(p) { try { await p; return 'no error'; } catch (e) { return err(e); } }
const names = (l) => l.objects.map((o) => o.key);

async function run(b) {
  const out = {};
  // R2-2/R2-3/R2-6 put with metadata
  const put = await b.put('e2e/text', 'hello world', {
    httpMetadata: { contentType: 'text/plain', contentLanguage: 'en', cacheControl: 'max-age=60',
      contentDisposition: 'inline', cacheExpiry: new Date(Date.UTC(2030, 0, 1)) },
    customMetadata: { owner: 'me', 'x-y': 'ü' },
  });
  out.put = { key: put.key, size: put.size, etag: put.etag, httpEtag: put.httpEtag, md5: put.checksums.toJSON().md5,
    uploadedRecent: Math.abs(Date.now() - put.uploaded.getTime()) < 60000, storageClass: put.storageClass,
    hasVersion: typeof put.version === 'string' && put.version.length > 0 };
  const head = await b.head('e2e/text');
  out.head = { size: head.size, etag: head.etag, http: JSON.parse(JSON.stringify(head.httpMetadata)),
    custom: head.customMetadata, sameVersion: head.version === put.version };
  const headers = new Headers();
  head.writeHttpMetadata(headers);
  out.writeHttpMetadata = [...headers];
  out.headMissing = await b.head('e2e/nope');
  out.getMissing = await b.get('e2e/nope');
  // every value type
  await b.put('e2e/buffer', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).buffer);
  await b.put('e2e/view', new Uint8Array([9, 8, 7, 6]).subarray(1, 3));
  await b.put('e2e/blob', new Blob(['bl', 'ob']));
  // R2-2 streams need a known length, as in workerd: a string body's stream and a FixedLengthStream's readable (fed in
  // chunks, more than one gRPC message) stream to r2-service; a stream made in JS is refused
  await b.put('e2e/stream', new Response('streamed').body);
  await b.put('e2e/empty', null);
  const fixed = new FixedLengthStream(600 * 1024);
  const writer = fixed.writable.getWriter();
  const feeding = (async () => {
    for (let i = 0; i < 3; i++) await writer.write(new Uint8Array(200 * 1024).fill(i + 1));
    await writer.close();
  })();
  const fixedPut = await b.put('e2e/fixed', fixed.readable);
  await feeding;
  const fixedBack = new Uint8Array(await (await b.get('e2e/fixed')).arrayBuffer());
  out.fixed = { size: fixedPut.size, length: fixedBack.byteLength,
    marks: [fixedBack[0], fixedBack[200 * 1024], fixedBack[600 * 1024 - 1]] };
  const short = new FixedLengthStream(10);
  const shortWriter = short.writable.getWriter();
  shortWriter.write(new Uint8Array(4)).then(() => shortWriter.close()).catch(() => {});
  out.fixedShort = await caught(b.put('e2e/short', short.readable));
  out.fixedShortStored = await b.head('e2e/short');
  out.unknownLength = await caught(b.put('e2e/js-stream', new ReadableStream({
    start(c) { c.enqueue(new Uint8Array([1])); c.close(); },
  })));
  out.unknownLengthStored = await b.head('e2e/js-stream');
  const g = await b.get('e2e/text');
  out.text = await g.text();
  out.bodyUsed = g.bodyUsed;
  out.buffer = [...new Uint8Array(await (await b.get('e2e/buffer')).arrayBuffer())];
  out.view = [...new Uint8Array(await (await b.get('e2e/view')).arrayBuffer())];
  out.blob = await (await (await b.get('e2e/blob')).blob()).text();
  out.stream = await (await b.get('e2e/stream')).text();
  out.empty = { size: (await b.head('e2e/empty')).size, text: await (await b.get('e2e/empty')).text() };
  await b.put('e2e/json', '{"a":[1,2]}');
  out.json = await (await b.get('e2e/json')).json();
  // R2-4 ranges
  const ranged = async (range) => {
    const o = await b.get('e2e/buffer', { range });
    return { bytes: [...new Uint8Array(await o.arrayBuffer())], range: o.range };
  };
  out.rangeOffLen = await ranged({ offset: 2, length: 3 });
  out.rangeOffset = await ranged({ offset: 8 });
  out.rangeSuffix = await ranged({ suffix: 3 });
  out.rangeLong = await ranged({ offset: 7, length: 100 });
  out.rangeHeaders = await ranged(new Headers({ range: 'bytes=4-5' }));
  out.rangeZero = await caught(b.get('e2e/buffer', { range: { offset: 0, length: 0 } }));
  out.rangeBadArg = await caught(b.get('e2e/buffer', { range: { suffix: 1, offset: 1 } }));
  // R2-5 conditionals: a failed onlyIf gives the object without a body
  const cond = async (onlyIf) => {
    const o = await b.get('e2e/text', { onlyIf });
    return o === null ? null : ('body' in o ? 'body' : 'nobody');
  };
  out.condMatch = await cond({ etagMatches: put.etag });
  out.condMatchFail = await cond({ etagMatches: 'deadbeef' });
  out.condNoneMatch = await cond({ etagDoesNotMatch: put.etag });
  out.condNoneMatchOther = await cond({ etagDoesNotMatch: 'deadbeef' });
  out.condBeforeFuture = await cond({ uploadedBefore: new Date(Date.now() + 3600000) });
  out.condAfterFuture = await cond({ uploadedAfter: new Date(Date.now() + 3600000) });
  out.condAfterPast = await cond({ uploadedAfter: new Date(Date.now() - 3600000) });
  out.condHeadersMatch = await cond(new Headers({ 'if-match': put.httpEtag }));
  out.condHeadersNoneMatch = await cond(new Headers({ 'if-none-match': put.httpEtag }));
  // R2-6 put onlyIf → null, nothing written; digests
  out.putCondFail = await b.put('e2e/text', 'overwritten', { onlyIf: { etagMatches: 'deadbeef' } });
  out.afterPutCondFail = await (await b.get('e2e/text')).text();
  out.putIfAbsent = await b.put('e2e/text', 'overwritten', { onlyIf: new Headers({ 'if-none-match': '*' }) });
  out.md5ok = (await b.put('e2e/md5', 'hello world', { md5: '5eb63bbbe01eeed093cb22bb8f5acdc3' })).etag;
  const sha = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('hello world'));
  const withSha = await b.put('e2e/sha', 'hello world', { sha256: sha });
  out.sha256 = withSha.checksums.toJSON().sha256;
  out.md5bad = await caught(b.put('e2e/md5', 'other', { md5: '5eb63bbbe01eeed093cb22bb8f5acdc3' }));
  out.badError = await (async () => {
    try { await b.put('e2e/md5', 'other', { md5: '5eb63bbbe01eeed093cb22bb8f5acdc3' }); return null; } catch (e) {
      return { name: e.name, code: e.code, action: e.action };
    }
  })();
  // R2-7 list: prefix, delimiter + delimitedPrefixes, limit/cursor, startAfter, include
  for (const k of ['e2e/dir/a', 'e2e/dir/b', 'e2e/dir/sub/c', 'e2e/dir/sub/d', 'e2e/dir/z/e']) {
    await b.put(k, k, { customMetadata: { k }, httpMetadata: { contentType: 'text/x-key' } });
  }
  const d = await b.list({ prefix: 'e2e/dir/', delimiter: '/' });
  out.delimited = { names: names(d), prefixes: d.delimitedPrefixes, truncated: d.truncated };
  const all = [];
  let cursor;
  let pages = 0;
  do {
    const page = await b.list({ prefix: 'e2e/dir/', limit: 2, cursor });
    all.push(...names(page));
    cursor = page.truncated ? page.cursor : undefined;
    pages++;
    if (page.truncated && typeof page.cursor !== 'string') throw new Error('truncated page without cursor');
  } while (cursor !== undefined && pages < 10);
  out.paged = { names: all, pages };
  out.startAfter = names(await b.list({ prefix: 'e2e/dir/', startAfter: 'e2e/dir/sub/c' }));
  const inc = (await b.list({ prefix: 'e2e/dir/a', include: ['httpMetadata', 'customMetadata'] })).objects[0];
  out.include = { http: inc.httpMetadata, custom: inc.customMetadata };
  const noInc = (await b.list({ prefix: 'e2e/dir/a' })).objects[0];
  out.noInclude = { http: noInc.httpMetadata ?? 'absent', custom: noInc.customMetadata ?? 'absent' };
  out.limitTooBig = await caught(b.list({ limit: 1001 }));
  // R2-2 delete one and many (missing ignored)
  await b.delete('e2e/dir/a');
  await b.delete(['e2e/dir/b', 'e2e/dir/sub/c', 'e2e/dir/never']);
  out.afterDelete = names(await b.list({ prefix: 'e2e/dir/' }));
  // R2-8 multipart: a 5 MiB part and a short last one
  const up = await b.createMultipartUpload('e2e/multi', { httpMetadata: { contentType: 'application/x-multi' },
    customMetadata: { parts: '2' } });
  const big = new Uint8Array(5 * 1024 * 1024).fill(97);
  const p1 = await up.uploadPart(1, big);
  const tail = new FixedLengthStream(4);
  const tailWriter = tail.writable.getWriter();
  tailWriter.write(new TextEncoder().encode('tail')).then(() => tailWriter.close());
  const p2 = await b.resumeMultipartUpload('e2e/multi', up.uploadId).uploadPart(2, tail.readable);
  out.partUnknownLength = await caught(up.uploadPart(3, new IdentityTransformStream().readable));
  out.parts = [p1.partNumber, p2.partNumber, typeof p1.etag];
  const done = await up.complete([p1, p2]);
  out.multipart = { size: done.size, etagParts: done.etag.split('-')[1], type: done.httpMetadata.contentType,
    custom: done.customMetadata };
  const back = await (await b.get('e2e/multi', { range: { suffix: 6 } })).text();
  out.multipartTail = back;
  out.noSuchUpload = await caught(b.resumeMultipartUpload('e2e/multi', 'not-an-upload').uploadPart(1, 'x'));
  const aborted = await b.createMultipartUpload('e2e/aborted');
  await aborted.uploadPart(1, 'x');
  await aborted.abort();
  out.afterAbort = await caught(aborted.complete([{ partNumber: 1, etag: 'x' }]));
  out.abortedObject = await b.head('e2e/aborted');
  return out;
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const b = env.BUCKET;
    if (url.pathname === '/run') return Response.json(await run(b));
    if (url.pathname.startsWith('/scan/')) {
      // reads a body chunk by chunk without keeping it: bytes seen and the byte at every 64 MiB boundary
      const o = await b.get(decodeURIComponent(url.pathname.slice('/scan/'.length)));
      const step = 64 * 1024 * 1024;
      let seen = 0;
      let chunks = 0;
      const marks = [];
      for await (const chunk of o.body) {
        for (let next = Math.ceil(seen / step) * step; next < seen + chunk.byteLength; next += step) {
          marks.push(chunk[next - seen]);
        }
        seen += chunk.byteLength;
        chunks++;
      }
      return Response.json({ size: o.size, seen, chunks, marks });
    }
    if (!url.pathname.startsWith('/obj/')) return new Response('not found', { status: 404 });
    const key = decodeURIComponent(url.pathname.slice('/obj/'.length));
    if (request.method === 'PUT') {
      const custom = {};
      for (const [name, value] of request.headers) {
        if (name.startsWith('x-meta-')) custom[name.slice('x-meta-'.length)] = value;
      }
      let o;
      try {
        o = await b.put(key, request.body, { httpMetadata: request.headers, customMetadata: custom });
      } catch (e) {
        return new Response(err(e), { status: 400 }); // a chunked upload: its length is unknown (R2-2)
      }
      return Response.json({ key: o.key, size: o.size, etag: o.etag });
    }
    if (request.method === 'HEAD') {
      const o = await b.head(key);
      if (o === null) return new Response(null, { status: 404 });
      const headers = new Headers({ etag: o.httpEtag, 'x-size': String(o.size) });
      o.writeHttpMetadata(headers);
      return new Response(null, { headers });
    }
    const o = await b.get(key, { range: request.headers, onlyIf: request.headers });
    if (o === null) return new Response('missing', { status: 404 });
    const headers = new Headers({ etag: o.httpEtag });
    o.writeHttpMetadata(headers);
    for (const [k, v] of Object.entries(o.customMetadata ?? {})) headers.set(`x-meta-${k}`, v);
    if (!('body' in o)) return new Response(null, { status: request.headers.has('if-none-match') ? 304 : 412, headers });
    if (o.range) headers.set('x-range', JSON.stringify(o.range));
    return new Response(o.body, { status: o.range ? 206 : 200, headers });
  },
};
