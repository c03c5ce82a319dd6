// RT-4 ctx methods need their receiver: a detached waitUntil call throws TypeError (Illegal invocation)
export default {
  fetch(request, env, ctx) {
    const { waitUntil } = ctx;
    let detached;
    try { waitUntil(Promise.resolve()); detached = 'no error'; } catch (e) { detached = e.constructor.name; }
    return Response.json({ detached });
  },
};
