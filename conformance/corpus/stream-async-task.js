// RT-6 streamed response written by an unawaited async task (not waitUntil) through a TransformStream
export default {
  fetch() {
    const { readable, writable } = new TransformStream();
    (async () => {
      const w = writable.getWriter();
      for (const part of ['a', 'b', 'c']) {
        await w.write(new TextEncoder().encode(part.repeat(3)));
      }
      await w.close();
    })();
    return new Response(readable, { headers: { 'content-type': 'text/plain;charset=UTF-8' } });
  },
};
