// RT-2 service-worker syntax: respondWith a promise, waitUntil on the event
// syntax: service-worker
// request: {"method":"POST","path":"/","body":"async body","headers":{"content-type":"text/plain"}}
addEventListener('fetch', (event) => {
  event.waitUntil(Promise.resolve());
  event.respondWith((async () => {
    const text = await event.request.text();
    return Response.json({ text, isFetchEvent: event instanceof FetchEvent, type: event.type });
  })());
});
