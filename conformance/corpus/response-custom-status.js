// RT-6 a returned Response keeps its status, statusText-independent body and custom headers
// compare-headers: x-custom, cache-control
export default {
  fetch() {
    return new Response('<p>accepted</p>', { status: 202, headers: { 'X-Custom': 'V', 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
  },
};
