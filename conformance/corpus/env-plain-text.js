// RT-3 plain_text bindings are strings on env, one property per binding
// vars: {"GREETING":"Hello from a var","EMPTY":"","UNICODE":"caf\u00e9 \u2713"}
export default {
  fetch(request, env) {
    return Response.json({ greeting: env.GREETING, empty: env.EMPTY, unicode: env.UNICODE, types: [typeof env.GREETING, typeof env.EMPTY],
      keys: Object.keys(env).sort(), missing: env.NOPE });
  },
};
