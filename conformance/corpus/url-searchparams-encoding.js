// RT-6 URLSearchParams encoding: space as '+', reserved and non-ASCII characters, decoding of '+' and %XX
export default {
  fetch() {
    const p = new URLSearchParams();
    p.set('q', 'a b&c=d+e/f?g\u00e9~*\'()!');
    const parsed = new URLSearchParams('x=a+b%20c%2B&y=%E2%9C%93&z=%zz');
    const u = new URL('https://example.com/?a=1');
    u.searchParams.append('b', 'two words');
    return Response.json({ encoded: p.toString(), parsed: [...parsed], linked: u.href, iter: [...u.searchParams.keys()] });
  },
};
