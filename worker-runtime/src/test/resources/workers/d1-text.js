// D1-2 / D1-9: params that cross as one string (null, finite numbers, strings) against FakeD1, including the
// characters the text form's framing uses, plus the fallbacks to the array form (BLOB, NaN, Infinity).
export default {
  async fetch(request, env) {
    const out = {};
    const s = await env.DB.prepare('ECHO text').bind('', 'a:b;c', '12:s3:n', 'héllo\u{1F600}\uD800', '\n\t"\\',
      null, 0, -0, -7, 1.5, 1e21, -1.5e-7, 9007199254740993, 2 ** 63, -(2 ** 63), 123456789012345, true).all();
    out.echo = s.results[0];
    const batch = await env.DB.batch([env.DB.prepare('ECHO 1:2:').bind('x'), env.DB.prepare('ECHO none'),
      env.DB.prepare('ECHO blob').bind(new Uint8Array([1, 2]), 'y'), env.DB.prepare('ECHO nan').bind(NaN)]);
    out.batch = batch.map((r) => r.results[0] ?? null);
    out.single = await env.DB.prepare('ECHO one').bind(3).first('p1');
    return Response.json(out);
  },
};
