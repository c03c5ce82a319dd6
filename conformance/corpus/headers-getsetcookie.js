// RT-6 Headers.getSetCookie() keeps Set-Cookie values apart while get() joins them
// compare-headers: set-cookie
export default {
  fetch() {
    const h = new Headers();
    h.append('Set-Cookie', 'a=1; Path=/');
    h.append('set-cookie', 'b=2; Expires=Wed, 21 Oct 2015 07:28:00 GMT');
    h.append('X-Multi', 'one');
    h.append('x-multi', 'two');
    const body = JSON.stringify({ cookies: h.getSetCookie(), joined: h.get('set-cookie'), multi: h.get('x-multi'),
      entries: [...h.entries()], none: new Headers().getSetCookie() });
    return new Response(body, { headers: h });
  },
};
