// RT-11 a request waiting on a timer, an outbound fetch or a stream written from waitUntil is not cut off
// request: {"path":"/timer"}
// request: {"path":"/fetch"}
// request: {"path":"/waituntil-stream"}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export default {
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    if (path === '/timer') {
      await sleep(30);
      return new Response('timer');
    }
    if (path === '/fetch') {
      const r = await fetch(env.ORIGIN + '/slow');
      return new Response(`fetch ${r.status} ${(await r.text()).length}`);
    }
    const { readable, writable } = new TransformStream();
    ctx.waitUntil((async () => {
      const writer = writable.getWriter();
      await sleep(20);
      await writer.write(new TextEncoder().encode('streamed from waitUntil'));
      await writer.close();
    })());
    return new Response(await new Response(readable).text());
  },
};
