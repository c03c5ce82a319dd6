// RT-2 service-worker syntax: bindings are globals
// syntax: service-worker
// vars: {"GREETING":"hello","CONF":{"a":[1,2]}}
addEventListener('fetch', (event) => {
  event.respondWith(Response.json({ greeting: GREETING, conf: CONF, origin: typeof ORIGIN }));
});
