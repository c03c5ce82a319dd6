// RT-6 URL.searchParams stays in sync with URL.search both ways; URLSearchParams of a URL with a hash and no query
export default {
  fetch() {
    const u = new URL('https://example.com/p?a=1#frag');
    const sp = u.searchParams;
    sp.set('b', 'x y');
    const afterSet = u.href;
    u.search = '?c=3';
    const afterSearch = [...sp];
    sp.delete('c');
    const emptied = u.href;
    return Response.json({ afterSet, afterSearch, emptied, same: u.searchParams === sp, hashOnly: [...new URL('https://e.com/#q=1').searchParams] });
  },
};
