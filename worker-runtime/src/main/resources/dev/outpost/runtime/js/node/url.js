// RT-6 node:url under nodejs_compat: the WHATWG URL/URLSearchParams (the same classes as the globals),
// fileURLToPath/pathToFileURL (POSIX paths), urlToHttpOptions, domainToASCII/domainToUnicode, and Node's
// legacy API (parse, format, resolve, Url) for the common cases: protocol, slashes, auth, host/port,
// pathname, search/query (parsed with node:querystring when asked), hash. The legacy parser does not
// reproduce Node's autoEscape of every unusual character, nor its IPv6 host edge cases.

import { URL, URLSearchParams } from '../url.js';
import * as querystring from './querystring.js';
import { resolve as resolvePath } from './path.js';

function codeError(Type, code, message) {
  const err = new Type(message);
  err.code = code;
  return err;
}

export function domainToASCII(domain) {
  try {
    return new URL('ws://' + String(domain)).hostname;
  } catch {
    return '';
  }
}

const BASE = 36;
function punycodeDecode(input) {
  const output = [];
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) output.push(input.charCodeAt(j));
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    const oldi = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      const c = input.charCodeAt(index++);
      const digit = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : BASE;
      if (digit >= BASE) throw new RangeError('invalid punycode');
      i += digit * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < t) break;
      w *= BASE - t;
    }
    const out = output.length + 1;
    let delta = oldi === 0 ? Math.floor((i - oldi) / 700) : (i - oldi) >> 1;
    delta += Math.floor(delta / out);
    let k = 0;
    for (; delta > 455; k += BASE) delta = Math.floor(delta / 35);
    bias = Math.floor(k + (36 * delta) / (delta + 38));
    n += Math.floor(i / out);
    i %= out;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

export function domainToUnicode(domain) {
  const ascii = domainToASCII(domain);
  if (ascii === '') return '';
  try {
    return ascii.split('.').map((label) => (label.startsWith('xn--') ? punycodeDecode(label.slice(4)) : label)).join('.');
  } catch {
    return '';
  }
}

export function fileURLToPath(path) {
  let url = path;
  if (typeof url === 'string') {
    url = new URL(url);
  } else if (!(url instanceof URL)) {
    throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "path" argument must be of type string or an instance of URL.');
  }
  if (url.protocol !== 'file:') {
    throw codeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  }
  if (url.hostname !== '') {
    throw codeError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  }
  const pathname = url.pathname;
  if (/%2f/i.test(pathname)) {
    throw codeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
}

export function pathToFileURL(filepath) {
  let resolved = resolvePath(String(filepath));
  if (String(filepath).endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const url = new URL('file://');
  // '%' first, then the characters the pathname setter would otherwise take as syntax
  url.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D')
    .replace(/\t/g, '%09');
  return url;
}

export function toPathIfFileURL(fileURLOrPath) {
  return fileURLOrPath instanceof URL ? fileURLToPath(fileURLOrPath) : fileURLOrPath;
}

export function urlToHttpOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

const SLASHED = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:']);
const NO_HOST = new Set(['javascript:']);

export function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// Node escapes these in the parts it keeps verbatim (its autoEscapeChars)
function autoEscape(s) {
  return s.replace(/[\t\n\r "'<>\\^`{|}]/g, (c) => encodeURIComponent(c));
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') {
    throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "url" argument must be of type string.');
  }
  let rest = url.trim();
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    this.hash = autoEscape(rest.slice(hashAt));
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  let search = null;
  if (queryAt >= 0) {
    search = autoEscape(rest.slice(queryAt));
    rest = rest.slice(0, queryAt);
  }
  rest = rest.replace(/\\/g, '/');
  const proto = /^[a-z0-9.+-]+:/i.exec(rest);
  let lowerProto;
  if (proto) {
    lowerProto = proto[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto[0].length);
  }
  let slashes = false;
  if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && NO_HOST.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }
  if (!NO_HOST.has(lowerProto) && (slashes || (proto && !SLASHED.has(lowerProto)))) {
    let hostEnd = rest.search(/[/?#]/);
    if (hostEnd < 0) hostEnd = rest.length;
    let hostPart = rest.slice(0, hostEnd);
    const at = hostPart.lastIndexOf('@');
    if (at >= 0) {
      this.auth = decodeURIComponent(hostPart.slice(0, at));
      hostPart = hostPart.slice(at + 1);
    }
    rest = rest.slice(hostEnd);
    const port = /:[0-9]*$/.exec(hostPart);
    if (port) {
      if (port[0] !== ':') this.port = port[0].slice(1);
      hostPart = hostPart.slice(0, hostPart.length - port[0].length);
    }
    let hostname = hostPart.toLowerCase();
    if (/[^\x00-\x7f]/.test(hostname)) hostname = domainToASCII(hostname);
    this.hostname = hostname;
    this.host = hostname + (this.port ? ':' + this.port : '');
  }
  if (rest) this.pathname = autoEscape(rest);
  if (SLASHED.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (search !== null) {
    this.search = search;
    this.query = parseQueryString ? querystring.parse(search.slice(1)) : search.slice(1);
  } else if (parseQueryString) {
    this.search = null;
    this.query = Object.create(null);
  }
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = encodeURIComponent(auth).replace(/%3A/gi, ':') + '@';
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !this.hostname.startsWith('[') ? '[' + this.hostname + ']' : this.hostname);
    if (this.port) host += ':' + this.port;
  }
  if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
  let search = this.search || (query && '?' + query) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  if (this.slashes || ((!protocol || SLASHED.has(protocol)) && host !== '')) {
    host = '//' + host;
    if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
  } else if (protocol === 'file:' && !host) {
    host = '//';
  }
  if (hash && hash[0] !== '#') hash = '#' + hash;
  if (search && search[0] !== '?') search = '?' + search;
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);
  search = search.replace(/#/g, '%23');
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolveUrl(relative) {
  return resolve(this.format(), relative);
};

export function parse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  return new Url().parse(url, parseQueryString, slashesDenoteHost);
}

export function format(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = parse(urlObject);
  } else if (urlObject instanceof URL) {
    const o = { auth: true, fragment: true, search: true, unicode: false, ...options };
    const u = new URL(urlObject.href);
    if (!o.auth) {
      u.username = '';
      u.password = '';
    }
    if (!o.fragment) u.hash = '';
    if (!o.search) u.search = '';
    let href = u.href;
    if (o.unicode) href = href.replace(u.hostname, domainToUnicode(u.hostname));
    return href;
  } else if (urlObject === null || typeof urlObject !== 'object') {
    throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "urlObject" argument must be one of type object or string.');
  }
  return Url.prototype.format.call(urlObject);
}

export function resolve(from, to) {
  if (/^[a-z0-9.+-]+:/i.test(from)) {
    return new URL(to, from).href;
  }
  // a relative base: resolve against a placeholder origin and keep only the path part
  const rooted = from.startsWith('/');
  const out = new URL(to, 'resolve://base' + (rooted ? '' : '/') + from);
  if (out.protocol !== 'resolve:' || out.host !== 'base') return out.href;
  const rel = out.pathname + out.search + out.hash;
  return rooted ? rel : rel.slice(1);
}

export function resolveObject(from, to) {
  return parse(resolve(typeof from === 'string' ? from : format(from), to));
}

export { URL, URLSearchParams };

export default { URL, URLSearchParams, Url, parse, format, resolve, resolveObject, domainToASCII, domainToUnicode,
  fileURLToPath, pathToFileURL, toPathIfFileURL, urlToHttpOptions };
