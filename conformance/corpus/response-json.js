// RT-6 Response.json(): status, custom header and JSON content type from the static helper
// compare-headers: x-extra
export default {
  fetch() {
    return Response.json({ ok: true, list: [1, 'two', null], nested: { a: 1.5 } }, { status: 201, headers: { 'X-Extra': 'yes' } });
  },
};
