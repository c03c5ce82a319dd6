// CSS selectors for HTMLRewriter (RT-6): the subset lol-html supports, matched while streaming, so only against an
// element's ancestors (descendant and child combinators) and its preceding siblings (counted positions).
// Anything else (sibling combinators, :last-child, pseudo-elements ...) is refused with a TypeError, as workerd does.

const IDENT = /^-?(?:[A-Za-z_]|[^\x00-\x7f]|\\.)(?:[\w-]|[^\x00-\x7f]|\\.)*/;

function unescape(s) {
  return s.replace(/\\(.)/g, '$1');
}

class SelectorParser {
  constructor(text) {
    this.s = text;
    this.i = 0;
  }

  fail(what) {
    throw new TypeError(`${what} in selector "${this.s}".`);
  }

  spaces() {
    const start = this.i;
    while (this.i < this.s.length && /[\t\n\f\r ]/.test(this.s[this.i])) this.i++;
    return this.i > start;
  }

  ident() {
    const m = IDENT.exec(this.s.slice(this.i));
    if (m === null) this.fail('Expected an identifier');
    this.i += m[0].length;
    return unescape(m[0]);
  }

  /** A complex selector: compounds joined by ' ' or '>' (right-most last). */
  complex(inside) {
    const parts = [{ combinator: null, compound: this.compound() }];
    for (;;) {
      const spaced = this.spaces();
      const c = this.s[this.i];
      if (c === undefined || (inside && c === ')') || c === ',') break;
      let combinator = ' ';
      if (c === '>') {
        combinator = '>';
        this.i++;
        this.spaces();
      } else if (c === '+' || c === '~') {
        this.fail('Unsupported combinator');
      } else if (!spaced) {
        this.fail('Unexpected character');
      }
      parts.push({ combinator, compound: this.compound() });
    }
    return parts;
  }

  compound() {
    const tests = [];
    let any = false;
    const c = this.s[this.i];
    if (c === '*') {
      this.i++;
      any = true;
    } else if (c !== undefined && IDENT.test(this.s.slice(this.i))) {
      const name = this.ident().toLowerCase();
      tests.push((e) => e.name === name);
      any = true;
    }
    for (;;) {
      const d = this.s[this.i];
      if (d === '.') {
        this.i++;
        const cls = this.ident();
        tests.push((e) => (attribute(e, 'class') ?? '').split(/[\t\n\f\r ]+/).includes(cls));
      } else if (d === '#') {
        this.i++;
        const id = this.ident();
        tests.push((e) => attribute(e, 'id') === id);
      } else if (d === '[') {
        tests.push(this.attributeTest());
      } else if (d === ':') {
        tests.push(this.pseudoClass());
      } else {
        break;
      }
      any = true;
    }
    if (!any) this.fail(this.i >= this.s.length ? 'Unexpected end' : 'Unexpected character');
    return tests;
  }

  attributeTest() {
    this.i++;
    this.spaces();
    const name = this.ident().toLowerCase();
    this.spaces();
    const m = /^([~^$*|]?=)/.exec(this.s.slice(this.i));
    if (m === null) {
      if (this.s[this.i] !== ']') this.fail('Unexpected character');
      this.i++;
      return (e) => attribute(e, name) !== null;
    }
    this.i += m[1].length;
    this.spaces();
    let value;
    const q = this.s[this.i];
    if (q === '"' || q === "'") {
      const end = this.s.indexOf(q, this.i + 1);
      if (end === -1) this.fail('Unterminated string');
      value = unescape(this.s.slice(this.i + 1, end));
      this.i = end + 1;
    } else {
      value = this.ident();
    }
    this.spaces();
    let insensitive = false;
    if (/[iIsS]/.test(this.s[this.i] ?? '')) {
      insensitive = /[iI]/.test(this.s[this.i]);
      this.i++;
      this.spaces();
    }
    if (this.s[this.i] !== ']') this.fail('Expected "]"');
    this.i++;
    const want = insensitive ? value.toLowerCase() : value;
    const op = m[1];
    return (e) => {
      let v = attribute(e, name);
      if (v === null) return false;
      if (insensitive) v = v.toLowerCase();
      switch (op) {
        case '=': return v === want;
        case '~=': return want !== '' && !/[\t\n\f\r ]/.test(want) && v.split(/[\t\n\f\r ]+/).includes(want);
        case '^=': return want !== '' && v.startsWith(want);
        case '$=': return want !== '' && v.endsWith(want);
        case '*=': return want !== '' && v.includes(want);
        default: return v === want || v.startsWith(`${want}-`); // |=
      }
    };
  }

  pseudoClass() {
    this.i++;
    if (this.s[this.i] === ':') this.fail('Unsupported pseudo-element');
    const name = this.ident().toLowerCase();
    if (name === 'first-child') return (e) => e.index === 1;
    if (name === 'first-of-type') return (e) => e.typeIndex === 1;
    if (name !== 'nth-child' && name !== 'nth-of-type' && name !== 'not') {
      this.fail(`Unsupported pseudo-class ":${name}"`);
    }
    if (this.s[this.i] !== '(') this.fail('Expected "("');
    this.i++;
    this.spaces();
    if (name === 'not') {
      const inner = this.compound();
      this.spaces();
      if (this.s[this.i] !== ')') this.fail('Only a compound selector is supported in :not()');
      this.i++;
      return (e) => !inner.every((t) => t(e));
    }
    const end = this.s.indexOf(')', this.i);
    if (end === -1) this.fail('Expected ")"');
    const [a, b] = parseNth(this.s.slice(this.i, end).trim(), this);
    this.i = end + 1;
    const key = name === 'nth-child' ? 'index' : 'typeIndex';
    return (e) => nthMatches(a, b, e[key]);
  }
}

function parseNth(text, parser) {
  const t = text.toLowerCase().replace(/\s+/g, '');
  if (t === 'odd') return [2, 1];
  if (t === 'even') return [2, 0];
  if (/^[+-]?\d+$/.test(t)) return [0, Number(t)];
  const m = /^([+-]?\d*)n([+-]\d+)?$/.exec(t);
  if (m === null) parser.fail('Invalid :nth-* argument');
  const a = m[1] === '' || m[1] === '+' ? 1 : m[1] === '-' ? -1 : Number(m[1]);
  return [a, m[2] === undefined ? 0 : Number(m[2])];
}

function nthMatches(a, b, position) {
  if (a === 0) return position === b;
  const n = (position - b) / a;
  return Number.isInteger(n) && n >= 0;
}

function attribute(e, name) {
  for (const a of e.attrs) if (a.name === name) return a.value;
  return null;
}

/**
 * Parses a selector list; returns a matcher taking the chain of open elements (root first, the candidate last),
 * each {name, attrs, index, typeIndex}.
 */
export function parseSelector(text) {
  if (typeof text !== 'string') text = String(text);
  const p = new SelectorParser(text);
  p.spaces();
  const alternatives = [];
  for (;;) {
    alternatives.push(p.complex(false));
    p.spaces();
    if (p.i >= text.length) break;
    if (p.s[p.i] !== ',') p.fail('Unexpected character');
    p.i++;
    p.spaces();
  }
  return (chain) => alternatives.some((parts) => matchFrom(parts, parts.length - 1, chain, chain.length - 1));
}

function matchFrom(parts, pi, chain, ci) {
  if (!parts[pi].compound.every((t) => t(chain[ci]))) return false;
  if (pi === 0) return true;
  if (parts[pi].combinator === '>') return ci > 0 && matchFrom(parts, pi - 1, chain, ci - 1);
  for (let a = ci - 1; a >= 0; a--) {
    if (matchFrom(parts, pi - 1, chain, a)) return true;
  }
  return false;
}
