// RT-6 a returned 204 response with no body
// compare-headers: x-empty
export default {
  fetch() {
    return new Response(null, { status: 204, headers: { 'x-empty': '1' } });
  },
};
