// RT-2 a real wrangler 4.76 service-worker bundle (addEventListener('fetch'), globals as bindings) with itty-router 5's Router, waitUntil and passThroughOnException
// built by conformance/apps/build.sh from conformance/apps/sw-router/index.js
// syntax: service-worker
// vars: {"GREETING":"Howdy","CONFIG":{"mode":"legacy"}}
// request: {"method":"GET","path":"/"}
// request: {"method":"GET","path":"/config"}
// request: {"method":"GET","path":"/items/7?x=1"}
// request: {"method":"POST","path":"/echo","headers":{"content-type":"text/plain"},"body":"sw body"}
// request: {"method":"GET","path":"/throws"}
// request: {"method":"GET","path":"/nowhere"}
(() => {
  var __defProp = Object.defineProperty;
  var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

  // ../node_modules/itty-router/index.mjs
  var t = /* @__PURE__ */ __name(({ base: e = "", routes: t2 = [], ...o2 } = {}) => ({ __proto__: new Proxy({}, { get: /* @__PURE__ */ __name((o3, r2, a2, s2) => (o4, ...n2) => t2.push([r2.toUpperCase?.(), RegExp(`^${(s2 = (e + o4).replace(/\/+(\/|$)/g, "$1")).replace(/(\/?\.?):(\w+)\+/g, "($1(?<$2>[^]+))").replace(/(\/?\.?):(\w+)/g, "($1(?<$2>[^$1/]+?))").replace(/\./g, "\\.").replace(/(\/?)\*/g, "($1.*)?")}/*$`), n2, s2]) && a2, "get") }), routes: t2, ...o2, async fetch(e2, ...r2) {
    let a2, s2, n2 = new URL(e2.url), c = e2.query = { __proto__: null };
    for (let [e3, t3] of n2.searchParams) c[e3] = c[e3] ? [].concat(c[e3], t3) : t3;
    e: try {
      for (let t3 of o2.before || []) if (null != (a2 = await t3(e2.proxy ?? e2, ...r2))) break e;
      t: for (let [o3, c2, l, i] of t2) if ((o3 == e2.method || "ALL" == o3) && (s2 = n2.pathname.match(c2))) {
        e2.params = s2.groups || {}, e2.route = i;
        for (let t3 of l) if (null != (a2 = await t3(e2.proxy ?? e2, ...r2))) break t;
      }
    } catch (t3) {
      if (!o2.catch) throw t3;
      a2 = await o2.catch(t3, e2.proxy ?? e2, ...r2);
    }
    try {
      for (let t3 of o2.finally || []) a2 = await t3(a2, e2.proxy ?? e2, ...r2) ?? a2;
    } catch (t3) {
      if (!o2.catch) throw t3;
      a2 = await o2.catch(t3, e2.proxy ?? e2, ...r2);
    }
    return a2;
  } }), "t");
  var o = /* @__PURE__ */ __name((e = "text/plain; charset=utf-8", t2) => (o2, r2 = {}) => {
    if (void 0 === o2 || o2 instanceof Response) return o2;
    const a2 = new Response(t2?.(o2) ?? o2, r2.url ? void 0 : r2);
    return a2.headers.set("content-type", e), a2;
  }, "o");
  var r = o("application/json; charset=utf-8", JSON.stringify);
  var a = /* @__PURE__ */ __name((e) => ({ 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error" })[e] || "Unknown Error", "a");
  var s = /* @__PURE__ */ __name((e = 500, t2) => {
    if (e instanceof Error) {
      const { message: o2, ...r2 } = e;
      e = e.status || 500, t2 = { error: o2 || a(e), ...r2 };
    }
    return t2 = { status: e, ..."object" == typeof t2 ? t2 : { error: t2 || a(e) } }, r(t2, { status: e });
  }, "s");
  var n = /* @__PURE__ */ __name((e) => {
    e.proxy = new Proxy(e.proxy ?? e, { get: /* @__PURE__ */ __name((t2, o2) => t2[o2]?.bind?.(e) ?? t2[o2] ?? t2?.params?.[o2], "get") });
  }, "n");
  var p = o("text/plain; charset=utf-8", String);
  var f = o("text/html");
  var u = o("image/jpeg");
  var h = o("image/png");
  var g = o("image/webp");

  // index.js
  var router = t({ before: [n] });
  var waited = 0;
  router.get("/", () => p(`${GREETING} from a service worker`)).get("/config", () => r({ config: CONFIG, type: typeof CONFIG })).get("/items/:id", ({ id, query }) => r({ id, query })).post("/echo", async (request) => r({ body: await request.text(), method: request.method })).get("/waited", () => r({ waited })).get("/throws", () => {
    throw new Error("handler failed");
  }).all("*", () => s(404, "no such route"));
  addEventListener("fetch", (event) => {
    event.passThroughOnException();
    event.waitUntil(Promise.resolve().then(() => {
      waited++;
    }));
    event.respondWith(router.fetch(event.request).catch((e) => s(500, e.message)));
  });
})();
