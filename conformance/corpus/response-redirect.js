// RT-6 Response.redirect(): status and Location header of the returned redirect
// request: {"method":"GET","path":"/"}
// request: {"method":"GET","path":"/307"}
// compare-headers: location
export default {
  fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/307') {
      return Response.redirect('https://example.com/target?a=1', 307);
    }
    return Response.redirect('https://example.com/default path');
  },
};
