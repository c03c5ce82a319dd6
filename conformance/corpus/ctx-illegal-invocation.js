// RT-4 ctx.waitUntil destructured from ctx throws Illegal invocation when called
export default {
  fetch(request, env, ctx) {
    const { waitUntil } = ctx;
    try {
      waitUntil(Promise.resolve());
      return Response.json({ threw: false });
    } catch (e) {
      return Response.json({ threw: true, name: e.name, message: e.message });
    }
  },
};
