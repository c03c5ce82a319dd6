// RT-6 atob/btoa: round trip, whitespace and missing padding, InvalidCharacterError for bad input
export default {
  fetch() {
    const errors = {};
    for (const [k, f] of Object.entries({ btoaWide: () => btoa('\u2713'), atobBad: () => atob('a*b'), atobLen: () => atob('abcde') })) {
      try { f(); errors[k] = 'no error'; } catch (e) { errors[k] = [e.name, e.code, e instanceof DOMException]; }
    }
    return Response.json({ btoa: btoa('hello\u00ff\u0000'), atob: atob('aGVsbG8='), spaces: atob(' aGVs bG8 '), noPad: atob('aGVsbG8'),
      empty: [btoa(''), atob('')], coerced: btoa(123), errors });
  },
};
