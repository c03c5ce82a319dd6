// The example worker `bin/outpost up` deploys (as "hello", with GREETING and a KV binding):
//   curl http://hello.localhost:8787/
// It runs unchanged on Cloudflare: module syntax, everything it needs arrives in `env`.
export default {
  async fetch(request, env, ctx) {
    const greeting = env.GREETING ?? "Hello";
    const url = new URL(request.url);
    let text = `${greeting}! You asked for ${url.pathname}\n`;
    if (env.KV) {
      // KV is eventually consistent: good enough for a visit counter, not for money.
      const visits = Number((await env.KV.get("visits")) ?? "0") + 1;
      // KV takes one write per second per key (as on Cloudflare): a busier counter just skips a beat.
      ctx.waitUntil(env.KV.put("visits", String(visits)).catch(() => {}));
      text += `Visits so far: ${visits}\n`;
    }
    return new Response(text, { headers: { "content-type": "text/plain; charset=utf-8" } });
  },
};
