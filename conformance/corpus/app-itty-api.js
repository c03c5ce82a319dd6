// RT-6 a real wrangler 4.76 bundle of an itty-router 5 API (AutoRouter, cors, withContent, withCookies, StatusError) with @tsndr/cloudflare-worker-jwt
// built by conformance/apps/build.sh from conformance/apps/itty-api/index.js
// vars: {"GREETING":"hi from vars","CONFIG":{"retries":3,"tags":["a","b"]}}
// compare-headers: access-control-allow-origin, access-control-allow-methods, access-control-allow-headers, access-control-allow-credentials, access-control-expose-headers, access-control-max-age, x-count
// request: {"method":"GET","path":"/"}
// request: {"method":"GET","path":"/json","headers":{"origin":"https://a.example"}}
// request: {"method":"GET","path":"/json","headers":{"origin":"https://c.example"}}
// request: {"method":"OPTIONS","path":"/json","headers":{"origin":"https://b.example","access-control-request-method":"POST","access-control-request-headers":"content-type, x-y"}}
// request: {"method":"GET","path":"/items/42?x=1&x=2&y=%C3%A9"}
// request: {"method":"GET","path":"/items/42/details"}
// request: {"method":"GET","path":"/files/report.pdf"}
// request: {"method":"GET","path":"/wild/a/b/c?q"}
// request: {"method":"POST","path":"/echo","headers":{"content-type":"application/json"},"body":"{\"x\":[1,2]}"}
// request: {"method":"POST","path":"/echo","headers":{"content-type":"application/x-www-form-urlencoded"},"body":"a=1&b=2"}
// request: {"method":"POST","path":"/echo","headers":{"content-type":"text/plain"},"body":"just text"}
// request: {"method":"GET","path":"/cookies","headers":{"cookie":"a=1; b=hello%20world; c="}}
// request: {"method":"GET","path":"/csv"}
// request: {"method":"GET","path":"/html"}
// request: {"method":"GET","path":"/text"}
// request: {"method":"GET","path":"/status"}
// request: {"method":"GET","path":"/teapot"}
// request: {"method":"GET","path":"/crash"}
// request: {"method":"GET","path":"/env"}
// request: {"method":"GET","path":"/token"}
// request: {"method":"GET","path":"/admin/whoami"}
// request: {"method":"GET","path":"/admin/whoami","headers":{"authorization":"Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1OSIsInJvbGUiOiJhZG1pbiIsImV4cCI6NDEwMjQ0NDgwMH0.dYAYuWavCT9jGLwH3B-Y64qWOQ55Q25pGGm08EufrN4"}}
// request: {"method":"GET","path":"/admin/other"}
// request: {"method":"GET","path":"/legacy/items/7"}
// request: {"method":"DELETE","path":"/nowhere"}
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// ../node_modules/itty-router/index.mjs
var e = /* @__PURE__ */ __name(({ base: e2 = "", routes: t2 = [], ...o2 } = {}) => ({ __proto__: new Proxy({}, { get: /* @__PURE__ */ __name((o3, r2, a2, s2) => (o4, ...n2) => t2.push([r2.toUpperCase(), RegExp(`^${(s2 = (e2 + o4).replace(/\/+(\/|$)/g, "$1")).replace(/(\/?\.?):(\w+)\+/g, "($1(?<$2>[^]+))").replace(/(\/?\.?):(\w+)/g, "($1(?<$2>[^$1/]+?))").replace(/\./g, "\\.").replace(/(\/?)\*/g, "($1.*)?")}/*$`), n2, s2]) && a2, "get") }), routes: t2, ...o2, async fetch(e3, ...o3) {
  let r2, a2, s2 = new URL(e3.url), n2 = e3.query = { __proto__: null };
  for (let [e4, t3] of s2.searchParams) n2[e4] = n2[e4] ? [].concat(n2[e4], t3) : t3;
  for (let [n3, c2, l2, i2] of t2) if ((n3 == e3.method || "ALL" == n3) && (a2 = s2.pathname.match(c2))) {
    e3.params = a2.groups || {}, e3.route = i2;
    for (let t3 of l2) if (null != (r2 = await t3(e3.proxy ?? e3, ...o3))) return r2;
  }
} }), "e");
var t = /* @__PURE__ */ __name(({ base: e2 = "", routes: t2 = [], ...o2 } = {}) => ({ __proto__: new Proxy({}, { get: /* @__PURE__ */ __name((o3, r2, a2, s2) => (o4, ...n2) => t2.push([r2.toUpperCase?.(), RegExp(`^${(s2 = (e2 + o4).replace(/\/+(\/|$)/g, "$1")).replace(/(\/?\.?):(\w+)\+/g, "($1(?<$2>[^]+))").replace(/(\/?\.?):(\w+)/g, "($1(?<$2>[^$1/]+?))").replace(/\./g, "\\.").replace(/(\/?)\*/g, "($1.*)?")}/*$`), n2, s2]) && a2, "get") }), routes: t2, ...o2, async fetch(e3, ...r2) {
  let a2, s2, n2 = new URL(e3.url), c2 = e3.query = { __proto__: null };
  for (let [e4, t3] of n2.searchParams) c2[e4] = c2[e4] ? [].concat(c2[e4], t3) : t3;
  e: try {
    for (let t3 of o2.before || []) if (null != (a2 = await t3(e3.proxy ?? e3, ...r2))) break e;
    t: for (let [o3, c3, l2, i2] of t2) if ((o3 == e3.method || "ALL" == o3) && (s2 = n2.pathname.match(c3))) {
      e3.params = s2.groups || {}, e3.route = i2;
      for (let t3 of l2) if (null != (a2 = await t3(e3.proxy ?? e3, ...r2))) break t;
    }
  } catch (t3) {
    if (!o2.catch) throw t3;
    a2 = await o2.catch(t3, e3.proxy ?? e3, ...r2);
  }
  try {
    for (let t3 of o2.finally || []) a2 = await t3(a2, e3.proxy ?? e3, ...r2) ?? a2;
  } catch (t3) {
    if (!o2.catch) throw t3;
    a2 = await o2.catch(t3, e3.proxy ?? e3, ...r2);
  }
  return a2;
} }), "t");
var o = /* @__PURE__ */ __name((e2 = "text/plain; charset=utf-8", t2) => (o2, r2 = {}) => {
  if (void 0 === o2 || o2 instanceof Response) return o2;
  const a2 = new Response(t2?.(o2) ?? o2, r2.url ? void 0 : r2);
  return a2.headers.set("content-type", e2), a2;
}, "o");
var r = o("application/json; charset=utf-8", JSON.stringify);
var a = /* @__PURE__ */ __name((e2) => ({ 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error" })[e2] || "Unknown Error", "a");
var s = /* @__PURE__ */ __name((e2 = 500, t2) => {
  if (e2 instanceof Error) {
    const { message: o2, ...r2 } = e2;
    e2 = e2.status || 500, t2 = { error: o2 || a(e2), ...r2 };
  }
  return t2 = { status: e2, ..."object" == typeof t2 ? t2 : { error: t2 || a(e2) } }, r(t2, { status: e2 });
}, "s");
var n = /* @__PURE__ */ __name((e2) => {
  e2.proxy = new Proxy(e2.proxy ?? e2, { get: /* @__PURE__ */ __name((t2, o2) => t2[o2]?.bind?.(e2) ?? t2[o2] ?? t2?.params?.[o2], "get") });
}, "n");
var c = /* @__PURE__ */ __name(({ format: e2 = r, missing: o2 = /* @__PURE__ */ __name((() => s(404)), "o"), finally: a2 = [], before: c2 = [], ...l2 } = {}) => t({ before: [n, ...c2], catch: s, finally: [(e3, ...t2) => e3 ?? o2(...t2), e2, ...a2], ...l2 }), "c");
var l = class extends Error {
  static {
    __name(this, "l");
  }
  status;
  constructor(e2 = 500, t2) {
    super("object" == typeof t2 ? t2.error : t2), "object" == typeof t2 && Object.assign(this, t2), this.status = e2;
  }
};
var i = /* @__PURE__ */ __name((e2, t2) => new Response(null, { ...t2, status: e2 }), "i");
var p = o("text/plain; charset=utf-8", String);
var f = o("text/html");
var u = o("image/jpeg");
var h = o("image/png");
var g = o("image/webp");
var d = /* @__PURE__ */ __name(async (e2) => {
  e2.content = e2.body ? await e2.clone().json().catch((() => e2.clone().formData())).catch((() => e2.text())) : void 0;
}, "d");
var w = /* @__PURE__ */ __name((e2) => {
  e2.cookies = (e2.headers.get("Cookie") || "").split(/;\s*/).map(((e3) => e3.split(/=(.+)/))).reduce(((e3, [t2, o2]) => o2 ? (e3[t2] = o2, e3) : e3), {});
}, "w");
var y = /* @__PURE__ */ __name((e2 = {}) => {
  const { origin: t2 = "*", credentials: o2 = false, allowMethods: r2 = "*", allowHeaders: a2, exposeHeaders: s2, maxAge: n2 } = e2, c2 = /* @__PURE__ */ __name((e3) => {
    const r3 = e3?.headers.get("origin");
    return true === t2 ? r3 : t2 instanceof RegExp ? t2.test(r3) ? r3 : void 0 : Array.isArray(t2) ? t2.includes(r3) ? r3 : void 0 : t2 instanceof Function ? t2(r3) : "*" == t2 && o2 ? r3 : t2;
  }, "c"), l2 = /* @__PURE__ */ __name((e3, t3) => {
    for (const [o3, r3] of Object.entries(t3)) r3 && e3.headers.append(o3, r3);
    return e3;
  }, "l");
  return { corsify: /* @__PURE__ */ __name((e3, t3) => e3?.headers?.get("access-control-allow-origin") || 101 == e3.status ? e3 : l2(new Response(e3.body, e3), { "access-control-allow-origin": c2(t3), "access-control-allow-credentials": o2 }), "corsify"), preflight: /* @__PURE__ */ __name((e3) => {
    if ("OPTIONS" == e3.method) {
      const t3 = new Response(null, { status: 204 });
      return l2(t3, { "access-control-allow-origin": c2(e3), "access-control-allow-methods": r2?.join?.(",") ?? r2, "access-control-expose-headers": s2?.join?.(",") ?? s2, "access-control-allow-headers": a2?.join?.(",") ?? a2 ?? e3.headers.get("access-control-request-headers"), "access-control-max-age": n2, "access-control-allow-credentials": o2 });
    }
  }, "preflight") };
}, "y");

// ../node_modules/@tsndr/cloudflare-worker-jwt/index.js
function bytesToByteString(bytes) {
  let byteStr = "";
  for (let i2 = 0; i2 < bytes.byteLength; i2++) {
    byteStr += String.fromCharCode(bytes[i2]);
  }
  return byteStr;
}
__name(bytesToByteString, "bytesToByteString");
function byteStringToBytes(byteStr) {
  let bytes = new Uint8Array(byteStr.length);
  for (let i2 = 0; i2 < byteStr.length; i2++) {
    bytes[i2] = byteStr.charCodeAt(i2);
  }
  return bytes;
}
__name(byteStringToBytes, "byteStringToBytes");
function arrayBufferToBase64String(arrayBuffer) {
  return btoa(bytesToByteString(new Uint8Array(arrayBuffer)));
}
__name(arrayBufferToBase64String, "arrayBufferToBase64String");
function base64StringToUint8Array(b64str) {
  return byteStringToBytes(atob(b64str));
}
__name(base64StringToUint8Array, "base64StringToUint8Array");
function textToUint8Array(str) {
  return byteStringToBytes(str);
}
__name(textToUint8Array, "textToUint8Array");
function arrayBufferToBase64Url(arrayBuffer) {
  return arrayBufferToBase64String(arrayBuffer).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
}
__name(arrayBufferToBase64Url, "arrayBufferToBase64Url");
function base64UrlToUint8Array(b64url) {
  return base64StringToUint8Array(b64url.replace(/-/g, "+").replace(/_/g, "/").replace(/\s/g, ""));
}
__name(base64UrlToUint8Array, "base64UrlToUint8Array");
function textToBase64Url(str) {
  const encoder = new TextEncoder();
  const charCodes = encoder.encode(str);
  const binaryStr = String.fromCharCode(...charCodes);
  return btoa(binaryStr).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
}
__name(textToBase64Url, "textToBase64Url");
function pemToBinary(pem) {
  return base64StringToUint8Array(pem.replace(/-+(BEGIN|END).*/g, "").replace(/\s/g, ""));
}
__name(pemToBinary, "pemToBinary");
async function importTextSecret(key, algorithm, keyUsages) {
  return await crypto.subtle.importKey("raw", textToUint8Array(key), algorithm, true, keyUsages);
}
__name(importTextSecret, "importTextSecret");
async function importJwk(key, algorithm, keyUsages) {
  return await crypto.subtle.importKey("jwk", key, algorithm, true, keyUsages);
}
__name(importJwk, "importJwk");
async function importPublicKey(key, algorithm, keyUsages) {
  return await crypto.subtle.importKey("spki", pemToBinary(key), algorithm, true, keyUsages);
}
__name(importPublicKey, "importPublicKey");
async function importPrivateKey(key, algorithm, keyUsages) {
  return await crypto.subtle.importKey("pkcs8", pemToBinary(key), algorithm, true, keyUsages);
}
__name(importPrivateKey, "importPrivateKey");
async function importKey(key, algorithm, keyUsages) {
  if (typeof key === "object")
    return importJwk(key, algorithm, keyUsages);
  if (typeof key !== "string")
    throw new Error("Unsupported key type!");
  if (key.includes("PUBLIC"))
    return importPublicKey(key, algorithm, keyUsages);
  if (key.includes("PRIVATE"))
    return importPrivateKey(key, algorithm, keyUsages);
  return importTextSecret(key, algorithm, keyUsages);
}
__name(importKey, "importKey");
function decodePayload(raw) {
  const bytes = Array.from(atob(raw), (char) => char.charCodeAt(0));
  const decodedString = new TextDecoder("utf-8").decode(new Uint8Array(bytes));
  return JSON.parse(decodedString);
}
__name(decodePayload, "decodePayload");
if (typeof crypto === "undefined" || !crypto.subtle)
  throw new Error("SubtleCrypto not supported!");
var algorithms = {
  none: { name: "none" },
  ES256: { name: "ECDSA", namedCurve: "P-256", hash: { name: "SHA-256" } },
  ES384: { name: "ECDSA", namedCurve: "P-384", hash: { name: "SHA-384" } },
  ES512: { name: "ECDSA", namedCurve: "P-521", hash: { name: "SHA-512" } },
  HS256: { name: "HMAC", hash: { name: "SHA-256" } },
  HS384: { name: "HMAC", hash: { name: "SHA-384" } },
  HS512: { name: "HMAC", hash: { name: "SHA-512" } },
  RS256: { name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-256" } },
  RS384: { name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-384" } },
  RS512: { name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-512" } }
};
async function sign(payload, secret, options = "HS256") {
  if (typeof options === "string")
    options = { algorithm: options };
  options = { algorithm: "HS256", header: { typ: "JWT", ...options.header ?? {} }, ...options };
  if (!payload || typeof payload !== "object")
    throw new Error("payload must be an object");
  if (options.algorithm !== "none" && (!secret || typeof secret !== "string" && typeof secret !== "object"))
    throw new Error("secret must be a string, a JWK object or a CryptoKey object");
  if (typeof options.algorithm !== "string")
    throw new Error("options.algorithm must be a string");
  const algorithm = algorithms[options.algorithm];
  if (!algorithm)
    throw new Error("algorithm not found");
  if (!payload.iat)
    payload.iat = Math.floor(Date.now() / 1e3);
  const partialToken = `${textToBase64Url(JSON.stringify({ ...options.header, alg: options.algorithm }))}.${textToBase64Url(JSON.stringify(payload))}`;
  if (options.algorithm === "none")
    return partialToken;
  const key = secret instanceof CryptoKey ? secret : await importKey(secret, algorithm, ["sign"]);
  const signature = await crypto.subtle.sign(algorithm, key, textToUint8Array(partialToken));
  return `${partialToken}.${arrayBufferToBase64Url(signature)}`;
}
__name(sign, "sign");
async function verify(token, secret, options = "HS256") {
  if (typeof options === "string")
    options = { algorithm: options };
  options = { algorithm: "HS256", clockTolerance: 0, throwError: false, ...options };
  if (typeof token !== "string")
    throw new Error("token must be a string");
  if (options.algorithm !== "none" && typeof secret !== "string" && typeof secret !== "object")
    throw new Error("secret must be a string, a JWK object or a CryptoKey object");
  if (typeof options.algorithm !== "string")
    throw new Error("options.algorithm must be a string");
  const tokenParts = token.split(".", 3);
  if (tokenParts.length < 2)
    throw new Error("token must consist of 2 or more parts");
  const [tokenHeader, tokenPayload, tokenSignature] = tokenParts;
  const algorithm = algorithms[options.algorithm];
  if (!algorithm)
    throw new Error("algorithm not found");
  const decodedToken = decode(token);
  try {
    if (decodedToken.header?.alg !== options.algorithm)
      throw new Error("INVALID_SIGNATURE");
    if (decodedToken.payload) {
      const now = Math.floor(Date.now() / 1e3);
      if (decodedToken.payload.nbf && decodedToken.payload.nbf > now && decodedToken.payload.nbf - now > (options.clockTolerance ?? 0))
        throw new Error("NOT_YET_VALID");
      if (decodedToken.payload.exp && decodedToken.payload.exp <= now && now - decodedToken.payload.exp > (options.clockTolerance ?? 0))
        throw new Error("EXPIRED");
    }
    if (algorithm.name === "none")
      return decodedToken;
    const key = secret instanceof CryptoKey ? secret : await importKey(secret, algorithm, ["verify"]);
    if (!await crypto.subtle.verify(algorithm, key, base64UrlToUint8Array(tokenSignature), textToUint8Array(`${tokenHeader}.${tokenPayload}`)))
      throw new Error("INVALID_SIGNATURE");
    return decodedToken;
  } catch (err) {
    if (options.throwError)
      throw err;
    return;
  }
}
__name(verify, "verify");
function decode(token) {
  return {
    header: decodePayload(token.split(".")[0].replace(/-/g, "+").replace(/_/g, "/")),
    payload: decodePayload(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))
  };
}
__name(decode, "decode");
var index_default = {
  sign,
  verify,
  decode
};

// index.js
var { preflight, corsify } = y({
  origin: ["https://a.example", "https://b.example"],
  credentials: true,
  allowMethods: "GET, POST, DELETE",
  exposeHeaders: ["x-count"],
  maxAge: 84400
});
var csv = o("text/csv; charset=utf-8");
var SECRET = "itty-jwt-secret";
var withAuth = /* @__PURE__ */ __name(async (request, env) => {
  const token = request.headers.get("authorization")?.split(" ")[1];
  if (!token || !await index_default.verify(token, env.JWT_SECRET ?? SECRET, { throwError: false })) {
    return s(401, "invalid token");
  }
  request.user = index_default.decode(token).payload;
}, "withAuth");
var admin = e({ base: "/admin" });
admin.get("/whoami", withAuth, (request) => r({ user: request.user })).all("*", () => s(404, { message: "admin route missing" }));
var legacy = t({ base: "/legacy", before: [n], catch: /* @__PURE__ */ __name((e2) => s(e2), "catch"), finally: [r] });
legacy.get("/items/:id", ({ id }) => ({ id, legacy: true }));
var router = c({
  before: [preflight],
  finally: [corsify],
  missing: /* @__PURE__ */ __name(() => s(404, "nothing here"), "missing")
});
router.get("/", () => "itty home").get("/json", () => ({ a: 1, nested: { list: [1, "two", null] } })).get("/items/:id/:sub?", ({ params, query }) => ({ params, query })).get("/files/:name.:ext", ({ params }) => params).get("/wild/*", (request) => ({ route: request.route, url: request.url })).post("/echo", d, ({ content, headers }) => ({ content, type: headers.get("content-type") })).get("/cookies", w, ({ cookies }) => cookies).get("/csv", () => csv("a,b\n1,2\n")).get("/html", () => f("<h1>itty</h1>")).get("/text", () => p("plain text", { status: 203, headers: { "x-count": "7" } })).get("/status", () => i(204)).get("/teapot", () => {
  throw new l(418, { message: "short and stout", detail: 42 });
}).get("/crash", () => {
  throw new Error("unexpected");
}).get("/env", (request, env) => ({ greeting: env.GREETING, config: env.CONFIG })).get("/token", async () => {
  const token = await index_default.sign({ sub: "u1", name: "Ann", iat: 17e8, exp: 4102444800 }, SECRET);
  const rs = await index_default.sign({ sub: "u1", exp: 4102444800 }, SECRET, { algorithm: "HS512" });
  return {
    token,
    decoded: index_default.decode(token),
    hs512: rs,
    valid: await index_default.verify(rs, SECRET, { algorithm: "HS512" }),
    wrongSecret: await index_default.verify(token, "nope"),
    expired: await index_default.verify(await index_default.sign({ exp: 1 }, SECRET), SECRET)
  };
}).all("/admin/*", admin.fetch).all("/legacy/*", legacy.fetch);
var index_default2 = { ...router };
export {
  index_default2 as default
};
