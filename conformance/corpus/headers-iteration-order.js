// RT-6 Headers iterate sorted by name with repeated values combined (", ")
export default {
  fetch() {
    const h = new Headers([['zeta', '1'], ['alpha', '2'], ['Mid', '3'], ['alpha', '4'], ['beta', '']]);
    const seen = [];
    h.forEach((value, name, obj) => seen.push([name, value, obj === h]));
    return Response.json({ entries: [...h], values: [...h.values()], seen });
  },
};
