// Exercises env.BUCKET (R2-2..R2-8, R2-11) against the in-memory binding of R2BindingTest.
function err(e) { return `${e.name}: ${e.message}`; }
async function caught(p) { try { await p; return 'no error'; } catch (e) { return err(e); } }
function plain(o) { return o === null ? null : JSON.parse(JSON.stringify(o)); }

export default {
  async fetch(request, env) {
    const b = env.BUCKET;
    const out = {};
    // R2-2 put of every value type, R2-3 object shape
    const put = await b.put('text', 'hello world', {
      httpMetadata: { contentType: 'text/plain', cacheControl: 'max-age=60', cacheExpiry: new Date(Date.UTC(2030, 0, 1)) },
      customMetadata: { owner: 'me', n: 1 },
    });
    out.put = {
      key: put.key, size: put.size, etag: put.etag, httpEtag: put.httpEtag, uploadedIsDate: put.uploaded instanceof Date,
      md5IsBuffer: put.checksums.md5 instanceof ArrayBuffer, checksums: put.checksums.toJSON(),
      httpMetadata: plain(put.httpMetadata), customMetadata: put.customMetadata, storageClass: put.storageClass,
      tag: Object.prototype.toString.call(put), hasBody: 'body' in put,
    };
    await b.put('buffer', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).buffer);
    await b.put('view', new Uint8Array([0, 9, 8, 7, 0]).subarray(1, 4));
    await b.put('blob', new Blob(['bl', 'ob'], { type: 'x/y' }));
    await b.put('stream', new Response('from a stream').body);
    await b.put('empty', null);
    out.badValue = await caught(b.put('bad', 42));
    // R2-6: httpMetadata from Headers, digests
    await b.put('headers', 'h', { httpMetadata: new Headers({ 'content-type': 'application/json', 'content-language': 'de', expires: 'Wed, 01 Jan 2031 00:00:00 GMT' }) });
    out.md5ok = (await b.put('md5', 'hello world', { md5: '5eb63bbbe01eeed093cb22bb8f5acdc3' })).etag;
    out.md5bad = await caught(b.put('md5', 'hello world', { md5: '00000000000000000000000000000000' }));
    out.md5size = await caught(b.put('md5', 'x', { md5: new Uint8Array(3) }));
    out.twoHashes = await caught(b.put('md5', 'x', { md5: '5eb63bbbe01eeed093cb22bb8f5acdc3', sha1: new Uint8Array(20) }));
    // R2-2 head/get
    out.headMissing = await b.head('nope');
    out.getMissing = await b.get('nope');
    const h = await b.head('text');
    out.head = { key: h.key, size: h.size, hasBody: 'body' in h };
    const g = await b.get('text');
    out.get = { tag: Object.prototype.toString.call(g), bodyIsStream: g.body instanceof ReadableStream, usedBefore: g.bodyUsed };
    out.get.text = await g.text();
    out.get.usedAfter = g.bodyUsed;
    out.get.again = await caught(g.text());
    out.buffer = [...new Uint8Array(await (await b.get('buffer')).arrayBuffer())];
    out.view = [...new Uint8Array(await (await b.get('view')).arrayBuffer())];
    const blob = await (await b.get('blob')).blob();
    out.blob = { text: await blob.text(), size: blob.size };
    out.stream = await (await b.get('stream')).text();
    out.empty = await (await b.get('empty')).text();
    await b.put('json', JSON.stringify({ a: [1, 2] }));
    out.json = await (await b.get('json')).json();
    // R2-3 writeHttpMetadata
    const headers = new Headers();
    (await b.head('text')).writeHttpMetadata(headers);
    out.written = [...headers];
    const fromHeaders = new Headers();
    (await b.head('headers')).writeHttpMetadata(fromHeaders);
    out.writtenFromHeaders = [...fromHeaders];
    // the body streams: read it chunk by chunk through a Response
    out.viaResponse = await new Response((await b.get('text')).body).text();
    const reader = (await b.get('text')).body.getReader();
    out.firstChunk = [...(await reader.read()).value];
    await reader.cancel();
    // R2-4 ranges
    const ranged = async (range) => {
      const o = await b.get('buffer', { range });
      return { bytes: [...new Uint8Array(await o.arrayBuffer())], range: o.range };
    };
    out.rangeOffLen = await ranged({ offset: 2, length: 3 });
    out.rangeOffset = await ranged({ offset: 7 });
    out.rangeSuffix = await ranged({ suffix: 2 });
    out.rangeLong = await ranged({ offset: 8, length: 100 });
    out.rangeHeader = await ranged(new Headers({ range: 'bytes=1-2' }));
    out.rangeHeaderSuffix = await ranged(new Headers({ range: 'bytes=-3' }));
    out.rangeNegative = await caught(b.get('buffer', { range: { offset: -1 } }));
    out.rangeSuffixOffset = await caught(b.get('buffer', { range: { offset: 1, suffix: 2 } }));
    out.rangeFraction = await caught(b.get('buffer', { range: { offset: 1.5 } }));
    out.rangeBeyond = await caught(b.get('buffer', { range: { offset: 11 } }));
    // R2-5 conditionals: a failed onlyIf answers the object without a body
    const etag = (await b.head('text')).etag;
    const cond = async (onlyIf) => {
      const o = await b.get('text', { onlyIf });
      return o === null ? null : ('body' in o ? 'body' : 'nobody');
    };
    out.condMatch = await cond({ etagMatches: etag });
    out.condMatchFail = await cond({ etagMatches: 'other' });
    out.condNoneMatch = await cond({ etagDoesNotMatch: etag });
    out.condBefore = await cond({ uploadedBefore: new Date(Date.now() + 60000) });
    out.condAfter = await cond({ uploadedAfter: new Date(Date.now() + 60000) });
    out.condHeaders = await cond(new Headers({ 'if-none-match': `"${etag}"` }));
    out.condBadDate = await caught(b.get('text', { onlyIf: { uploadedBefore: 'yesterday' } }));
    // R2-6 put onlyIf → null and nothing written
    out.putCondFail = await b.put('text', 'overwritten', { onlyIf: { etagMatches: 'other' } });
    out.afterPutCondFail = await (await b.get('text')).text();
    out.putCondOk = (await b.put('text', 'hello world', { onlyIf: { etagMatches: etag } })) !== null;
    // R2-7 list
    await b.put('dir/a', 'a', { customMetadata: { owner: 'me' }, httpMetadata: { contentType: 'a/b' } });
    await b.put('dir/b', 'b');
    await b.put('dir/sub/c', 'c');
    const names = (l) => l.objects.map((o) => o.key);
    const all = await b.list();
    out.listAll = { names: names(all), truncated: all.truncated, hasCursor: 'cursor' in all };
    const p1 = await b.list({ limit: 2 });
    out.page1 = { names: names(p1), truncated: p1.truncated, cursor: p1.cursor };
    out.page2 = names(await b.list({ limit: 2, cursor: p1.cursor }));
    const d = await b.list({ prefix: 'dir/', delimiter: '/' });
    out.delimited = { names: names(d), prefixes: d.delimitedPrefixes };
    out.startAfter = names(await b.list({ prefix: 'dir/', startAfter: 'dir/a' }));
    const withMeta = await b.list({ prefix: 'dir/a', include: ['customMetadata'] });
    out.include = { custom: withMeta.objects[0].customMetadata, http: withMeta.objects[0].httpMetadata ?? 'absent' };
    out.limitTooBig = await caught(b.list({ limit: 1001 }));
    out.badInclude = await caught(b.list({ include: ['nope'] }));
    // R2-2 delete one and many
    await b.delete('dir/a');
    await b.delete(['dir/b', 'dir/sub/c', 'never-existed']);
    out.afterDelete = names(await b.list({ prefix: 'dir/' }));
    // R2-8 multipart
    const up = await b.createMultipartUpload('multi', { httpMetadata: { contentType: 'text/csv' } });
    out.upload = { key: up.key, hasId: typeof up.uploadId === 'string' && up.uploadId.length > 0 };
    const part1 = await up.uploadPart(1, 'first-');
    const resumed = b.resumeMultipartUpload('multi', up.uploadId);
    const part2 = await resumed.uploadPart(2, new Uint8Array([115, 101, 99, 111, 110, 100]));
    out.part1 = part1;
    const done = await up.complete([part1, part2]);
    out.complete = { key: done.key, size: done.size, type: done.httpMetadata.contentType };
    out.multiText = await (await b.get('multi')).text();
    out.noSuchUpload = await caught(b.resumeMultipartUpload('multi', 'bogus').uploadPart(1, 'x'));
    const aborted = await b.createMultipartUpload('gone');
    await aborted.abort();
    out.afterAbort = await caught(aborted.uploadPart(1, 'x'));
    // R2-11 errors
    out.internal = await caught(b.head('fail:x'));
    out.errorShape = await (async () => {
      try { await b.put('md5', 'x', { md5: '00000000000000000000000000000000' }); return null; } catch (e) {
        return { name: e.name, code: e.code, action: e.action, isError: e instanceof Error };
      }
    })();
    return Response.json(out);
  },
};
