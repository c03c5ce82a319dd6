// RT-4 a rejected waitUntil promise and a throwing microtask do not affect the response already returned
export default {
  fetch(request, env, ctx) {
    ctx.waitUntil(Promise.reject(new Error('background failure')));
    ctx.waitUntil(new Promise((resolve) => setTimeout(resolve, 5)).then(() => { throw new Error('later failure'); }));
    queueMicrotask(() => { throw new Error('microtask failure'); });
    return new Response('unaffected');
  },
};
