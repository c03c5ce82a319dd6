// RT-2 service-worker syntax: the first listener that calls respondWith wins
// syntax: service-worker
addEventListener('fetch', (event) => {
  globalThis.seen = (globalThis.seen ?? 0) + 1;
});
addEventListener('fetch', (event) => {
  event.respondWith(new Response('second listener'));
});
