// RT-4 ctx.waitUntil(): returns undefined, does not delay the response; passThroughOnException is a function
export default {
  fetch(request, env, ctx) {
    let done = false;
    const result = ctx.waitUntil(new Promise((resolve) => setTimeout(() => { done = true; resolve(); }, 50)));
    return Response.json({ result: result === undefined, doneBeforeResponse: done, waitUntil: typeof ctx.waitUntil,
      passThrough: typeof ctx.passThroughOnException });
  },
};
