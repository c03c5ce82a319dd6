// RT-2 service-worker syntax: addEventListener('fetch') with event.respondWith
// syntax: service-worker
// request: {"path":"/hello?x=1"}
// compare-headers: x-sw
addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  event.respondWith(new Response('sw ' + url.pathname + url.search + ' ' + event.request.method, { headers: { 'x-sw': '1' } }));
});
