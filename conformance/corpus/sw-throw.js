// RT-14 service-worker syntax: an exception in the listener gives a 500 error page
// syntax: service-worker
// compare: status
addEventListener('fetch', () => {
  throw new Error('listener failed');
});
