// RT-6 create-cloudflare 2.74.0's 'hello-world' JavaScript template, unchanged, bundled by wrangler 4.76
// built by conformance/apps/build.sh from conformance/apps/c3-hello-world/src
// request: {"method":"GET","path":"/"}
// request: {"method":"POST","path":"/anything?x=1","headers":{"content-type":"text/plain"},"body":"ignored"}
// src/index.js
var index_default = {
  async fetch(request, env, ctx) {
    return new Response("Hello World!");
  }
};
export {
  index_default as default
};
