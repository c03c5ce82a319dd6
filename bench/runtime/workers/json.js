// About 1 KB of JSON built from the URL's query parameters.
export default {
  fetch(request) {
    const url = new URL(request.url);
    const params = Object.fromEntries(url.searchParams);
    const items = [];
    for (let i = 0; i < 12; i++) {
      items.push({ id: i, name: `item-${i}-${params.name ?? 'anon'}`, tags: ['a', 'b', params.tag ?? 'none'], score: i * 3.5 });
    }
    return Response.json({ path: url.pathname, params, items });
  },
};
