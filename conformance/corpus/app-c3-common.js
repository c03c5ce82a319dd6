// RT-6 create-cloudflare 2.74.0's 'common' JavaScript template, unchanged (itty-router 3 API routes, Response.redirect), bundled by wrangler 4.76
// built by conformance/apps/build.sh from conformance/apps/c3-common/src (its /proxy route fetches example.com, so it is not called)
// compare-headers: location
// request: {"method":"GET","path":"/"}
// request: {"method":"GET","path":"/redirect"}
// request: {"method":"GET","path":"/api/todos"}
// request: {"method":"GET","path":"/api/todos/42"}
// request: {"method":"POST","path":"/api/todos","headers":{"content-type":"application/json"},"body":"{\"title\":\"buy milk\",\"n\":[1,2]}"}
// request: {"method":"GET","path":"/api/nothing"}
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// src/proxy.js
var PROXY_URL = "https://example.com/";
var proxy_default = {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const modify = url.searchParams.has("modify");
    let res = await fetch(PROXY_URL, request);
    if (modify) {
      res = new Response(res.body, res);
      res.headers.set("X-My-Header", "My Header Value");
    }
    return res;
  }
};

// src/redirect.js
var REDIRECT_URL = "https://example.com/";
var redirect_default = {
  async fetch(request, env, ctx) {
    return Response.redirect(REDIRECT_URL);
  }
};

// node_modules/itty-router/dist/itty-router.mjs
var e = /* @__PURE__ */ __name(({ base: e2 = "", routes: r = [] } = {}) => ({ __proto__: new Proxy({}, { get: /* @__PURE__ */ __name((a, o, t) => (a2, ...p) => r.push([o.toUpperCase(), RegExp(`^${(e2 + a2).replace(/(\/?)\*/g, "($1.*)?").replace(/(\/$)|((?<=\/)\/)/, "").replace(/(:(\w+)\+)/, "(?<$2>.*)").replace(/:(\w+)(\?)?(\.)?/g, "$2(?<$1>[^/]+)$2$3").replace(/\.(?=[\w(])/, "\\.").replace(/\)\.\?\(([^\[]+)\[\^/g, "?)\\.?($1(?<=\\.)[^\\.")}/*$`), p]) && t, "get") }), routes: r, async handle(e3, ...a) {
  let o, t, p = new URL(e3.url), l = e3.query = {};
  for (let [e4, r2] of p.searchParams) l[e4] = void 0 === l[e4] ? r2 : [l[e4], r2].flat();
  for (let [l2, s, c] of r) if ((l2 === e3.method || "ALL" === l2) && (t = p.pathname.match(s))) {
    e3.params = t.groups || {};
    for (let r2 of c) if (void 0 !== (o = await r2(e3.proxy || e3, ...a))) return o;
  }
} }), "e");

// src/router.js
var router = e();
router.get("/api/todos", () => new Response("Todos Index!"));
router.get("/api/todos/:id", ({ params }) => new Response(`Todo #${params.id}`));
router.post("/api/todos", async (request) => {
  const content = await request.json();
  return new Response("Creating Todo: " + JSON.stringify(content));
});
router.all("*", () => new Response("Not Found.", { status: 404 }));
var router_default = router;

// src/index.js
var index_default = {
  // The fetch handler is invoked when this worker receives a HTTP(S) request
  // and should return a Response (optionally wrapped in a Promise)
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case "/redirect":
        return redirect_default.fetch(request, env, ctx);
      case "/proxy":
        return proxy_default.fetch(request, env, ctx);
    }
    if (url.pathname.startsWith("/api/")) {
      return router_default.handle(request);
    }
    return new Response(
      `Try making requests to:
      <ul>
      <li><code><a href="/redirect">/redirect</a></code>,</li>
      <li><code><a href="/proxy?modify">/proxy?modify</a></code>, or</li>
      <li><code><a href="/api/todos">/api/todos</a></code></li>`,
      { headers: { "Content-Type": "text/html" } }
    );
  }
};
export {
  index_default as default
};
