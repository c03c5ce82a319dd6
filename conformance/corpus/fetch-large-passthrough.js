// RT-8 a 3 MB fetched body streamed through to the client unchanged
// request: {"path":"/big?n=3000000"}
export default {
  fetch(request, env) {
    return fetch(env.ORIGIN + '/big?n=3000000');
  },
};
