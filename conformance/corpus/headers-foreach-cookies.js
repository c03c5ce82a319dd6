// RT-6 Headers iteration keeps Set-Cookie entries separate and sorted with the others; has/delete of set-cookie
export default {
  fetch() {
    const h = new Headers([['set-cookie', 'b=2'], ['a', '1'], ['set-cookie', 'a=1'], ['z', '9']]);
    const seen = [];
    h.forEach((v, k) => seen.push(`${k}=${v}`));
    const keys = [...h.keys()];
    h.delete('Set-Cookie');
    return Response.json({ seen, keys, afterDelete: [...h], has: h.has('set-cookie') });
  },
};
