// RT-6 navigator.userAgent is "Cloudflare-Workers"; self is globalThis; performance.now() is a number
export default {
  fetch() {
    return Response.json({ ua: navigator.userAgent, self: self === globalThis, perf: typeof performance.now(),
      timeOrigin: typeof performance.timeOrigin, consoleLog: typeof console.log });
  },
};
