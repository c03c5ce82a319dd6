// Exercises env.KV (checklist KV-2, KV-4, KV-5, KV-6, KV-7) and reports what it saw as JSON.
export default {
  async fetch(request, env) {
    const kv = env.KV;
    const out = {};
    await kv.put('text', 'héllo');
    await kv.put('json', JSON.stringify({ a: [1, 2] }), { metadata: { owner: 'me' }, expirationTtl: 120 });
    await kv.put('bytes', new Uint8Array([1, 2, 3, 250]));
    await kv.put('view', new Uint8Array([9, 8, 7, 6]).subarray(1, 3));
    await kv.put('buffer', new Uint8Array([5, 6]).buffer, { expiration: 4102444800 });
    out.text = await kv.get('text');
    out.textType = await kv.get('text', 'text');
    out.json = await kv.get('json', 'json');
    out.jsonOpts = await kv.get('json', { type: 'json', cacheTtl: 60 });
    out.bytes = Array.from(new Uint8Array(await kv.get('bytes', 'arrayBuffer')));
    out.view = Array.from(new Uint8Array(await kv.get('view', { type: 'arrayBuffer' })));
    out.missing = await kv.get('nope');
    out.withMeta = await kv.getWithMetadata('json', 'json');
    out.withoutMeta = await kv.getWithMetadata('text');
    out.missingMeta = await kv.getWithMetadata('nope');
    const many = await kv.get(['text', 'nope']);
    out.bulk = [...many.entries()];
    try {
      await kv.put('bad', 42);
    } catch (e) {
      out.putNumber = `${e.name}: ${e.message}`;
    }
    try {
      await kv.get('text', 'xml');
    } catch (e) {
      out.badType = `${e.name}: ${e.message}`;
    }
    // KV-2: type "stream" answers a ReadableStream; KV-5: a ReadableStream is a valid value
    const stream = await kv.get('text', 'stream');
    out.stream = { isStream: stream instanceof ReadableStream, text: await new Response(stream).text() };
    await kv.put('streamed', new Response('from a stream').body);
    out.streamed = await kv.get('streamed');
    out.streamMissing = await kv.get('nope', { type: 'stream' });
    // KV-8/KV-11: workerd's key checks and KV's 400s, all as rejections
    const failure = async (f) => {
      let p;
      try {
        p = f();
      } catch (e) {
        return { synchronous: true, name: e.name, message: e.message };
      }
      try {
        await p;
        return null;
      } catch (e) {
        return { synchronous: false, name: e.name, message: e.message };
      }
    };
    out.failures = {
      emptyKey: await failure(() => kv.get('')),
      dot: await failure(() => kv.put('.', 'x')),
      dotDot: await failure(() => kv.delete('..')),
      longKey: await failure(() => kv.get('k'.repeat(513))),
      longUtf8Key: await failure(() => kv.put('é'.repeat(257), 'x')),
      cacheTtl: await failure(() => kv.get('text', { cacheTtl: 29 })),
      highList: await failure(() => kv.list({ limit: 1001 })),
      zeroList: await failure(() => kv.list({ limit: 0 })),
    };
    await kv.delete('streamed');
    out.listAll = await kv.list();
    const page1 = await kv.list({ limit: 2 });
    const page2 = await kv.list({ limit: 2, cursor: page1.cursor });
    out.page1 = page1;
    out.page2Names = page2.keys.map((k) => k.name);
    out.prefix = (await kv.list({ prefix: 'b' })).keys.map((k) => k.name);
    await kv.delete('text');
    await kv.delete('never-existed');
    out.afterDelete = await kv.get('text');
    try {
      await kv.get('fail:boom');
    } catch (e) {
      out.rejected = `${e.constructor.name}: ${e.message}`;
    }
    return Response.json(out);
  },
};
