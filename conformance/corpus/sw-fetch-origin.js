// RT-2 service-worker syntax: outbound fetch to the origin with the ORIGIN global
// syntax: service-worker
addEventListener('fetch', (event) => {
  event.respondWith(fetch(ORIGIN + '/echo?sw=1'));
});
