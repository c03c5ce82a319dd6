// RT-6 explicit 404 and 500 responses from the worker keep their bodies (they are not error pages)
// request: {"method":"GET","path":"/missing"}
// request: {"method":"GET","path":"/boom"}
export default {
  fetch(request) {
    const path = new URL(request.url).pathname;
    return path === '/boom' ? new Response('handled failure', { status: 500 }) : new Response('not here', { status: 404 });
  },
};
