// RT-6 URL percent-encoding of path, query and fragment characters
export default {
  fetch() {
    const u = new URL('https://example.com/a b/\u00e9/<>"`{}?q=a b&r=\u00e9<>"\'#f g\u00e9`');
    return Response.json({ pathname: u.pathname, search: u.search, hash: u.hash });
  },
};
