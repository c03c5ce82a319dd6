// RT-4 ctx.props is an empty object when the worker is called directly (not through a binding with props)
export default {
  fetch(request, env, ctx) {
    return Response.json({ type: typeof ctx.props, keys: Object.keys(ctx.props ?? {}) });
  },
};
