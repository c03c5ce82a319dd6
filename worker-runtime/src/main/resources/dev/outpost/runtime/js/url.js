// URL and URLSearchParams after the WHATWG URL Standard (basic URL parser state machine, host parsing with
// IPv4/IPv6, percent-encode sets, setters via state override). Internationalized domain names are converted
// with Punycode after lower-casing; full UTS #46 mapping is not implemented.

import { utf8Encode, utf8Decode } from './encoding.js';

const SPECIAL = { 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };
const isSpecialScheme = (s) => Object.prototype.hasOwnProperty.call(SPECIAL, s);

// Percent-encode sets as predicates over code points.
const C0 = (c) => c < 0x20 || c > 0x7e;
const FRAGMENT = (c) => C0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const QUERY = (c) => C0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const SPECIAL_QUERY = (c) => QUERY(c) || c === 0x27;
const PATH = (c) => QUERY(c) || c === 0x3f || c === 0x5e || c === 0x60 || c === 0x7b || c === 0x7d;
const USERINFO = (c) => PATH(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40
  || (c >= 0x5b && c <= 0x5d) || c === 0x7c;
const COMPONENT = (c) => USERINFO(c) || (c >= 0x24 && c <= 0x26) || c === 0x2b || c === 0x2c;
const FORM = (c) => COMPONENT(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7e;

const HEX = '0123456789ABCDEF';

function percentEncode(str, inSet, spaceAsPlus = false) {
  let out = '';
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    if (spaceAsPlus && cp === 0x20) {
      out += '+';
    } else if (!inSet(cp)) {
      out += ch;
    } else {
      for (const b of utf8Encode(ch)) out += '%' + HEX[b >> 4] + HEX[b & 15];
    }
  }
  return out;
}

function percentDecodeBytes(str) {
  const bytes = utf8Encode(str);
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out[n++] = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
      i += 2;
    } else {
      out[n++] = b;
    }
  }
  return out.subarray(0, n);
}

const isHex = (b) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
const isAlpha = (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c) => c >= '0' && c <= '9';
const isAlnum = (c) => isAlpha(c) || isDigit(c);

// ---- hosts ----

const FORBIDDEN_HOST = /[\0\t\n\r #/:<>?@[\\\]^|]/;
const FORBIDDEN_DOMAIN = /[\0-\x1f\t\n\r #/:<>?@[\\\]^|%\x7f]/;

function parseHost(input, isOpaque) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return null;
    const pieces = parseIPv6(input.slice(1, -1));
    return pieces === null ? null : '[' + serializeIPv6(pieces) + ']';
  }
  if (isOpaque) {
    if (FORBIDDEN_HOST.test(input)) return null;
    return percentEncode(input, C0);
  }
  const domain = utf8Decode(percentDecodeBytes(input));
  const ascii = domainToASCII(domain);
  if (ascii === null || ascii === '' || FORBIDDEN_DOMAIN.test(ascii)) return null;
  if (endsInNumber(ascii)) {
    const v4 = parseIPv4(ascii);
    return v4 === null ? null : serializeIPv4(v4);
  }
  return ascii;
}

function domainToASCII(domain) {
  const lower = domain.replace(/[\u3002\uff0e\uff61]/g, '.').toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  const labels = lower.split('.');
  const out = [];
  for (const label of labels) {
    // eslint-disable-next-line no-control-regex
    out.push(/^[\x00-\x7f]*$/.test(label) ? label : 'xn--' + punycodeEncode(label));
  }
  return out.join('.');
}

function punycodeEncode(input) {
  const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700;
  const cps = Array.from(input, (c) => c.codePointAt(0));
  let n = 128, delta = 0, bias = 72;
  let output = cps.filter((c) => c < 128).map((c) => String.fromCharCode(c)).join('');
  const b = output.length;
  let h = b;
  if (b > 0) output += '-';
  const digit = (d) => String.fromCharCode(d + 22 + 75 * (d < 26));
  const adapt = (d, numPoints, first) => {
    d = first ? Math.floor(d / damp) : d >> 1;
    d += Math.floor(d / numPoints);
    let k = 0;
    while (d > ((base - tMin) * tMax) >> 1) {
      d = Math.floor(d / (base - tMin));
      k += base;
    }
    return k + Math.floor(((base - tMin + 1) * d) / (d + skew));
  };
  while (h < cps.length) {
    let m = Infinity;
    for (const c of cps) if (c >= n && c < m) m = c;
    delta += (m - n) * (h + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
          if (q < t) break;
          output += digit(t + ((q - t) % (base - t)));
          q = Math.floor((q - t) / (base - t));
        }
        output += digit(q);
        bias = adapt(delta, h + 1, h === b);
        delta = 0;
        h++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

function endsInNumber(str) {
  const parts = str.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return /^0[xX][0-9a-fA-F]*$/.test(last);
}

function parseIPv4Number(s) {
  if (s === '') return NaN;
  let radix = 10;
  if (s.length >= 2 && (s.startsWith('0x') || s.startsWith('0X'))) {
    s = s.slice(2);
    radix = 16;
  } else if (s.length >= 2 && s[0] === '0') {
    s = s.slice(1);
    radix = 8;
  }
  if (s === '') return 0;
  const re = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!re.test(s)) return NaN;
  return parseInt(s, radix);
}

function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers = [];
  for (const p of parts) {
    const n = parseIPv4Number(p);
    if (Number.isNaN(n)) return null;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return null;
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return null;
  let ipv4 = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}

function serializeIPv4(n) {
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.unshift(String(n % 256));
    n = Math.floor(n / 256);
  }
  return out.join('.');
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const c = (i) => input[i];
  if (c(p) === ':') {
    if (c(p + 1) !== ':') return null;
    p += 2;
    compress = ++pieceIndex;
  }
  while (p < input.length) {
    if (pieceIndex === 8) return null;
    if (c(p) === ':') {
      if (compress !== null) return null;
      p++;
      compress = ++pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && p < input.length && /[0-9a-fA-F]/.test(c(p))) {
      value = value * 16 + parseInt(c(p), 16);
      p++;
      length++;
    }
    if (c(p) === '.') {
      if (length === 0) return null;
      p -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (p < input.length) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (c(p) === '.' && numbersSeen < 4) p++;
          else return null;
        }
        if (!isDigit(c(p) ?? '')) return null;
        while (isDigit(c(p) ?? '')) {
          const number = parseInt(c(p), 10);
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (c(p) === ':') {
      p++;
      if (p >= input.length) return null;
    } else if (p < input.length) {
      return null;
    }
    address[pieceIndex++] = value;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const t = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = t;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

function serializeIPv6(address) {
  let bestStart = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (bestStart === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

// ---- the basic URL parser ----

const isWindowsDriveLetter = (s, normalizedOnly = false) =>
  s.length === 2 && isAlpha(s[0]) && (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
const startsWithWindowsDriveLetter = (cps, p) =>
  cps.length - p >= 2 && isAlpha(cps[p]) && (cps[p + 1] === ':' || cps[p + 1] === '|')
  && (cps.length - p === 2 || '/\\?#'.includes(cps[p + 2]));
const isSingleDot = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDoubleDot = (s) => ['..', '.%2e', '%2e.', '%2e%2e'].includes(s.toLowerCase());

function shortenPath(url) {
  if (url.scheme === 'file' && url.path.length === 1 && isWindowsDriveLetter(url.path[0], true)) return;
  url.path.pop();
}

function newRecord() {
  return { scheme: '', username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
}

const FAILURE = null;

// The usual shape of a request URL: http(s), a lower-case ASCII domain, an optional port, and a path and query of
// characters that are neither percent-encoded nor otherwise rewritten by the state machine below (no backslash,
// tab/newline, space, quote, '<', '>', '^', '`', '{', '}', non-ASCII; no fragment or userinfo). Such a URL is
// read by this one expression into the record the state machine would build (new URL(request.url) runs on most
// requests: ~5 us through the state machine); every other input — including dot segments and hosts ending in a
// number, which are normalized — goes through basicParse as before.
const SIMPLE_URL = /^(https?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::([0-9]{1,5}))?(\/[A-Za-z0-9\-._~!$&'()*+,;=:@\/%]*)?(?:\?([A-Za-z0-9\-._~!$&()*+,;=:@\/?%]*))?$/;

function simpleParse(input) {
  const m = SIMPLE_URL.exec(input);
  if (m === null || endsInNumber(m[2])) return null;
  let port = null;
  if (m[3] !== undefined) {
    port = parseInt(m[3], 10);
    if (port > 65535) return null;
    if (port === SPECIAL[m[1]]) port = null;
  }
  const path = m[4] === undefined ? [''] : m[4].slice(1).split('/');
  for (const segment of path) {
    if (segment.length > 0 && segment.length <= 6 && (isSingleDot(segment) || isDoubleDot(segment))) return null;
  }
  return { scheme: m[1], username: '', password: '', host: m[2], port, path, query: m[5] ?? null, fragment: null };
}

function basicParse(input, base = null, url = null, stateOverride = null) {
  if (url === null && base === null) {
    const simple = simpleParse(input);
    if (simple !== null) return simple;
  }
  if (url === null) {
    url = newRecord();
    input = input.replace(/^[\0- ]+|[\0- ]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  let state = stateOverride ?? 'scheme start';
  let buffer = '';
  let atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
  const cps = Array.from(input);
  const opaque = () => typeof url.path === 'string';
  for (let p = 0; p <= cps.length; p++) {
    const c = p < cps.length ? cps[p] : undefined; // undefined = EOF
    switch (state) {
      case 'scheme start':
        if (c !== undefined && isAlpha(c)) {
          buffer += c.toLowerCase();
          state = 'scheme';
        } else if (stateOverride === null) {
          state = 'no scheme';
          p--;
        } else {
          return FAILURE;
        }
        break;
      case 'scheme':
        if (c !== undefined && (isAlnum(c) || c === '+' || c === '-' || c === '.')) {
          buffer += c.toLowerCase();
        } else if (c === ':') {
          if (stateOverride !== null) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((url.username !== '' || url.password !== '' || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (stateOverride !== null) {
            if (url.port === SPECIAL[url.scheme]) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = 'file';
          } else if (isSpecialScheme(url.scheme) && base !== null && base.scheme === url.scheme) {
            state = 'special relative or authority';
          } else if (isSpecialScheme(url.scheme)) {
            state = 'special authority slashes';
          } else if (cps[p + 1] === '/') {
            state = 'path or authority';
            p++;
          } else {
            url.path = '';
            state = 'opaque path';
          }
        } else if (stateOverride === null) {
          buffer = '';
          state = 'no scheme';
          p = -1;
        } else {
          return FAILURE;
        }
        break;
      case 'no scheme':
        if (base === null || (typeof base.path === 'string' && c !== '#')) {
          return FAILURE;
        } else if (typeof base.path === 'string' && c === '#') {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = 'fragment';
        } else if (base.scheme !== 'file') {
          state = 'relative';
          p--;
        } else {
          state = 'file';
          p--;
        }
        break;
      case 'special relative or authority':
        if (c === '/' && cps[p + 1] === '/') {
          state = 'special authority ignore slashes';
          p++;
        } else {
          state = 'relative';
          p--;
        }
        break;
      case 'path or authority':
        if (c === '/') {
          state = 'authority';
        } else {
          state = 'path';
          p--;
        }
        break;
      case 'relative':
        url.scheme = base.scheme;
        if (c === '/') {
          state = 'relative slash';
        } else if (isSpecialScheme(url.scheme) && c === '\\') {
          state = 'relative slash';
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === '?') {
            url.query = '';
            state = 'query';
          } else if (c === '#') {
            url.fragment = '';
            state = 'fragment';
          } else if (c !== undefined) {
            url.query = null;
            shortenPath(url);
            state = 'path';
            p--;
          }
        }
        break;
      case 'relative slash':
        if (isSpecialScheme(url.scheme) && (c === '/' || c === '\\')) {
          state = 'special authority ignore slashes';
        } else if (c === '/') {
          state = 'authority';
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = 'path';
          p--;
        }
        break;
      case 'special authority slashes':
        if (c === '/' && cps[p + 1] === '/') {
          state = 'special authority ignore slashes';
          p++;
        } else {
          state = 'special authority ignore slashes';
          p--;
        }
        break;
      case 'special authority ignore slashes':
        if (c !== '/' && c !== '\\') {
          state = 'authority';
          p--;
        }
        break;
      case 'authority':
        if (c === '@') {
          if (atSignSeen) buffer = '%40' + buffer;
          atSignSeen = true;
          for (const bc of Array.from(buffer)) {
            if (bc === ':' && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const encoded = percentEncode(bc, USERINFO);
            if (passwordTokenSeen) url.password += encoded;
            else url.username += encoded;
          }
          buffer = '';
        } else if (c === undefined || c === '/' || c === '?' || c === '#' || (isSpecialScheme(url.scheme) && c === '\\')) {
          if (atSignSeen && buffer === '') return FAILURE;
          p -= Array.from(buffer).length + 1;
          buffer = '';
          state = 'host';
        } else {
          buffer += c;
        }
        break;
      case 'host':
      case 'hostname':
        if (stateOverride !== null && url.scheme === 'file') {
          p--;
          state = 'file host';
        } else if (c === ':' && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (stateOverride === 'hostname') return FAILURE;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === null) return FAILURE;
          url.host = host;
          buffer = '';
          state = 'port';
        } else if (c === undefined || c === '/' || c === '?' || c === '#' || (isSpecialScheme(url.scheme) && c === '\\')) {
          p--;
          if (isSpecialScheme(url.scheme) && buffer === '') return FAILURE;
          if (stateOverride !== null && buffer === '' && (url.username !== '' || url.password !== '' || url.port !== null)) {
            return url;
          }
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === null) return FAILURE;
          url.host = host;
          buffer = '';
          state = 'path start';
          if (stateOverride !== null) return url;
        } else {
          if (c === '[') insideBrackets = true;
          if (c === ']') insideBrackets = false;
          buffer += c;
        }
        break;
      case 'port':
        if (c !== undefined && isDigit(c)) {
          buffer += c;
        } else if (c === undefined || c === '/' || c === '?' || c === '#' || (isSpecialScheme(url.scheme) && c === '\\') || stateOverride !== null) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = SPECIAL[url.scheme] === port ? null : port;
            buffer = '';
            if (stateOverride !== null) return url;
          }
          if (stateOverride !== null) return FAILURE;
          state = 'path start';
          p--;
        } else {
          return FAILURE;
        }
        break;
      case 'file':
        url.scheme = 'file';
        url.host = '';
        if (c === '/' || c === '\\') {
          state = 'file slash';
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === '?') {
            url.query = '';
            state = 'query';
          } else if (c === '#') {
            url.fragment = '';
            state = 'fragment';
          } else if (c !== undefined) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, p)) shortenPath(url);
            else url.path = [];
            state = 'path';
            p--;
          }
        } else {
          state = 'path';
          p--;
        }
        break;
      case 'file slash':
        if (c === '/' || c === '\\') {
          state = 'file host';
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, p) && base.path.length > 0 && isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = 'path';
          p--;
        }
        break;
      case 'file host':
        if (c === undefined || c === '/' || c === '\\' || c === '?' || c === '#') {
          p--;
          if (stateOverride === null && isWindowsDriveLetter(buffer)) {
            state = 'path';
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride !== null) return url;
            state = 'path start';
          } else {
            let host = parseHost(buffer, false);
            if (host === null) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride !== null) return url;
            buffer = '';
            state = 'path start';
          }
        } else {
          buffer += c;
        }
        break;
      case 'path start':
        if (isSpecialScheme(url.scheme)) {
          state = 'path';
          if (c !== '/' && c !== '\\') p--;
        } else if (stateOverride === null && c === '?') {
          url.query = '';
          state = 'query';
        } else if (stateOverride === null && c === '#') {
          url.fragment = '';
          state = 'fragment';
        } else if (c !== undefined) {
          state = 'path';
          if (c !== '/') p--;
        } else if (stateOverride !== null && url.host === null) {
          url.path.push('');
        }
        break;
      case 'path':
        if (c === undefined || c === '/' || (isSpecialScheme(url.scheme) && c === '\\')
          || (stateOverride === null && (c === '?' || c === '#'))) {
          const slash = c === '/' || (isSpecialScheme(url.scheme) && c === '\\');
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) url.path.push('');
          } else if (isSingleDot(buffer) && !slash) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = buffer[0] + ':';
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === '?') {
            url.query = '';
            state = 'query';
          }
          if (c === '#') {
            url.fragment = '';
            state = 'fragment';
          }
        } else {
          buffer += percentEncode(c, PATH);
        }
        break;
      case 'opaque path':
        if (c === '?') {
          url.query = '';
          state = 'query';
        } else if (c === '#') {
          url.fragment = '';
          state = 'fragment';
        } else if (c !== undefined) {
          url.path += percentEncode(c, C0);
        }
        break;
      case 'query':
        if ((stateOverride === null && c === '#') || c === undefined) {
          url.query += percentEncode(buffer, isSpecialScheme(url.scheme) ? SPECIAL_QUERY : QUERY);
          buffer = '';
          if (c === '#') {
            url.fragment = '';
            state = 'fragment';
          }
        } else {
          buffer += c;
        }
        break;
      case 'fragment':
        if (c !== undefined) url.fragment += percentEncode(c, FRAGMENT);
        break;
      default:
        throw new Error('unknown URL parser state ' + state);
    }
  }
  void opaque;
  return url;
}

function serializePath(url) {
  if (typeof url.path === 'string') return url.path;
  let out = '';
  for (const segment of url.path) out += '/' + segment;
  return out;
}

function serialize(url, excludeFragment = false) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (url.username !== '' || url.password !== '') {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += ':' + url.port;
  } else if (typeof url.path !== 'string' && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}

// ---- URLSearchParams ----

function parseFormUrlencoded(input) {
  const out = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    const name = eq < 0 ? sequence : sequence.slice(0, eq);
    const value = eq < 0 ? '' : sequence.slice(eq + 1);
    out.push([
      utf8Decode(percentDecodeBytes(name.replace(/\+/g, ' '))),
      utf8Decode(percentDecodeBytes(value.replace(/\+/g, ' '))),
    ]);
  }
  return out;
}

function serializeFormUrlencoded(list) {
  let out = '';
  for (const [name, value] of list) {
    if (out !== '') out += '&';
    out += percentEncode(name, FORM, true) + '=' + percentEncode(value, FORM, true);
  }
  return out;
}

const toUSVString = (v) => String(v).toWellFormed();

let attachSearchParams; // (params, url) -> void, set in URLSearchParams' static block
let setSearchParamsList;

export class URLSearchParams {
  #list = [];
  #url = null;

  static {
    attachSearchParams = (params, url) => { params.#url = url; };
    setSearchParamsList = (params, list) => { params.#list = list; };
  }

  constructor(init = '') {
    if (init instanceof URLSearchParams) {
      this.#list = init.#list.map(([n, v]) => [n, v]);
    } else if (typeof init === 'object' && init !== null || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const entry = Array.from(pair);
          if (entry.length !== 2) {
            throw new TypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements");
          }
          this.#list.push([toUSVString(entry[0]), toUSVString(entry[1])]);
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc !== undefined && desc.enumerable && typeof key === 'string') {
            this.#list.push([toUSVString(key), toUSVString(init[key])]);
          }
        }
      }
    } else {
      let str = toUSVString(init);
      if (str.startsWith('?')) str = str.slice(1);
      this.#list = parseFormUrlencoded(str);
    }
  }

  #update() {
    if (this.#url === null) return;
    const serialized = serializeFormUrlencoded(this.#list);
    recordOf(this.#url).query = serialized === '' ? null : serialized;
  }

  get size() {
    return this.#list.length;
  }

  append(name, value) {
    this.#list.push([toUSVString(name), toUSVString(value)]);
    this.#update();
  }

  delete(name, value = undefined) {
    const n = toUSVString(name);
    const v = value === undefined ? undefined : toUSVString(value);
    this.#list = this.#list.filter(([k, val]) => !(k === n && (v === undefined || val === v)));
    this.#update();
  }

  get(name) {
    const n = toUSVString(name);
    const found = this.#list.find(([k]) => k === n);
    return found === undefined ? null : found[1];
  }

  getAll(name) {
    const n = toUSVString(name);
    return this.#list.filter(([k]) => k === n).map(([, v]) => v);
  }

  has(name, value = undefined) {
    const n = toUSVString(name);
    const v = value === undefined ? undefined : toUSVString(value);
    return this.#list.some(([k, val]) => k === n && (v === undefined || val === v));
  }

  set(name, value) {
    const n = toUSVString(name);
    const v = toUSVString(value);
    const index = this.#list.findIndex(([k]) => k === n);
    if (index < 0) {
      this.#list.push([n, v]);
    } else {
      this.#list[index][1] = v;
      this.#list = this.#list.filter(([k], i) => k !== n || i === index);
    }
    this.#update();
  }

  sort() {
    // Stable sort by UTF-16 code units, as the standard requires.
    this.#list = this.#list
      .map((e, i) => [e, i])
      .sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]))
      .map(([e]) => e);
    this.#update();
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'Function'.");
    }
    for (const [name, value] of this.#list.slice()) callback.call(thisArg, value, name, this);
  }

  *entries() {
    for (let i = 0; i < this.#list.length; i++) yield [this.#list[i][0], this.#list[i][1]];
  }

  *keys() {
    for (const [name] of this.entries()) yield name;
  }

  *values() {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  toString() {
    return serializeFormUrlencoded(this.#list);
  }

  get [Symbol.toStringTag]() {
    return 'URLSearchParams';
  }
}

// ---- URL ----

let recordOf;

export class URL {
  #url;
  #searchParams;

  static {
    recordOf = (u) => u.#url;
  }

  constructor(url, base = undefined) {
    if (arguments.length === 0) {
      throw new TypeError("Failed to construct 'URL': 1 argument required, but only 0 present.");
    }
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(base));
      if (baseRecord === null) throw new TypeError('Invalid base URL string.');
    }
    const record = basicParse(toUSVString(url), baseRecord);
    if (record === null) throw new TypeError('Invalid URL string.');
    this.#url = record;
    this.#searchParams = new URLSearchParams(record.query ?? '');
    attachSearchParams(this.#searchParams, this);
  }

  // workerd declares these without implementing them (there are no blob: URLs in a worker)
  static createObjectURL() {
    throw new Error('URL.createObjectURL() is not implemented');
  }

  static revokeObjectURL() {
    throw new Error('URL.revokeObjectURL() is not implemented');
  }

  static canParse(url, base = undefined) {
    return URL.parse(url, base) !== null;
  }

  static parse(url, base = undefined) {
    try {
      return base === undefined ? new URL(url) : new URL(url, base);
    } catch {
      return null;
    }
  }

  get href() {
    return serialize(this.#url);
  }

  set href(value) {
    const record = basicParse(toUSVString(value));
    if (record === null) throw new TypeError('Invalid URL string.');
    this.#url = record;
    setSearchParamsList(this.#searchParams, parseFormUrlencoded(record.query ?? ''));
  }

  get origin() {
    const u = this.#url;
    switch (u.scheme) {
      case 'blob':
        try {
          const inner = new URL(serializePath(u));
          return inner.protocol === 'http:' || inner.protocol === 'https:' ? inner.origin : 'null';
        } catch {
          return 'null';
        }
      case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
        return u.scheme + '://' + u.host + (u.port !== null ? ':' + u.port : '');
      default:
        return 'null';
    }
  }

  get protocol() {
    return this.#url.scheme + ':';
  }

  set protocol(value) {
    basicParse(toUSVString(value) + ':', null, this.#url, 'scheme start');
  }

  get username() {
    return this.#url.username;
  }

  set username(value) {
    if (this.#cannotHaveCredentialsOrPort()) return;
    this.#url.username = percentEncode(toUSVString(value), USERINFO);
  }

  get password() {
    return this.#url.password;
  }

  set password(value) {
    if (this.#cannotHaveCredentialsOrPort()) return;
    this.#url.password = percentEncode(toUSVString(value), USERINFO);
  }

  #cannotHaveCredentialsOrPort() {
    return this.#url.host === null || this.#url.host === '' || this.#url.scheme === 'file';
  }

  get host() {
    const u = this.#url;
    if (u.host === null) return '';
    return u.port === null ? u.host : u.host + ':' + u.port;
  }

  set host(value) {
    if (typeof this.#url.path === 'string') return;
    this.#withCopy((copy) => basicParse(toUSVString(value), null, copy, 'host'));
  }

  get hostname() {
    return this.#url.host ?? '';
  }

  set hostname(value) {
    if (typeof this.#url.path === 'string') return;
    this.#withCopy((copy) => basicParse(toUSVString(value), null, copy, 'hostname'));
  }

  get port() {
    return this.#url.port === null ? '' : String(this.#url.port);
  }

  set port(value) {
    if (this.#cannotHaveCredentialsOrPort()) return;
    const str = toUSVString(value);
    if (str === '') {
      this.#url.port = null;
    } else {
      this.#withCopy((copy) => basicParse(str, null, copy, 'port'));
    }
  }

  get pathname() {
    return serializePath(this.#url);
  }

  set pathname(value) {
    if (typeof this.#url.path === 'string') return;
    this.#withCopy((copy) => {
      copy.path = [];
      return basicParse(toUSVString(value), null, copy, 'path start');
    });
  }

  get search() {
    const q = this.#url.query;
    return q === null || q === '' ? '' : '?' + q;
  }

  set search(value) {
    let str = toUSVString(value);
    if (str === '') {
      this.#url.query = null;
      setSearchParamsList(this.#searchParams, []);
      return;
    }
    if (str.startsWith('?')) str = str.slice(1);
    this.#url.query = '';
    basicParse(str, null, this.#url, 'query');
    setSearchParamsList(this.#searchParams, parseFormUrlencoded(str));
  }

  get searchParams() {
    return this.#searchParams;
  }

  get hash() {
    const f = this.#url.fragment;
    return f === null || f === '' ? '' : '#' + f;
  }

  set hash(value) {
    let str = toUSVString(value);
    if (str === '') {
      this.#url.fragment = null;
      return;
    }
    if (str.startsWith('#')) str = str.slice(1);
    this.#url.fragment = '';
    basicParse(str, null, this.#url, 'fragment');
  }

  // Setters parse into a copy so a failure leaves the URL unchanged.
  #withCopy(parse) {
    const copy = { ...this.#url, path: typeof this.#url.path === 'string' ? this.#url.path : this.#url.path.slice() };
    const result = parse(copy);
    if (result !== null) this.#url = copy;
  }

  toString() {
    return this.href;
  }

  toJSON() {
    return this.href;
  }

  get [Symbol.toStringTag]() {
    return 'URL';
  }
}

/** Parses an absolute URL string, returning null when invalid (used by Request/Response). */
export function parseUrl(input, base = undefined) {
  return URL.parse(input, base);
}
