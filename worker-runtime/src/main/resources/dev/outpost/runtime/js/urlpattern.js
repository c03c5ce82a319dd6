// URLPattern (RT-6) after the WHATWG URL Pattern standard: the tokenizer, the pattern parser (parts with prefix,
// name, regexp or wildcard, suffix and modifier), regular-expression and pattern-string generation per component,
// the constructor string parser and URLPatternInit processing. Fixed text is canonicalized with this runtime's URL.

import { URL } from './url.js';

const SPECIAL_SCHEMES = ['ftp', 'file', 'http', 'https', 'ws', 'wss'];
const COMPONENTS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];

// ---------------------------------------------------------------------------------------------------------------
// Tokenizer

// The isolate's V8 has no ICU, so no \p{ID_Start}: ASCII identifier characters, and any non-ASCII letter-like
// code point (not whitespace or punctuation) is accepted.
const NON_ASCII_NAME = (c) => c.codePointAt(0) > 0x7f && !/[\s\u2000-\u206f\u3000-\u303f\ufeff]/.test(c);

function isNameStart(c) {
  return /^[A-Za-z$_]$/.test(c) || NON_ASCII_NAME(c);
}

function isNamePart(c) {
  return /^[A-Za-z0-9$_]$/.test(c) || c === '\u200c' || c === '\u200d' || NON_ASCII_NAME(c);
}

function tokenize(input, lenient) {
  const tokens = [];
  let i = 0;
  const error = (at, message) => {
    if (!lenient) throw new TypeError(`Invalid URLPattern "${input}" at ${at}: ${message}.`);
  };
  while (i < input.length) {
    const c = String.fromCodePoint(input.codePointAt(i));
    const start = i;
    const next = i + c.length;
    if (c === '*') {
      tokens.push({ type: 'asterisk', index: start, value: c });
      i = next;
    } else if (c === '+' || c === '?') {
      tokens.push({ type: 'other-modifier', index: start, value: c });
      i = next;
    } else if (c === '\\') {
      if (next >= input.length) {
        error(start, 'trailing backslash');
        tokens.push({ type: 'invalid-char', index: start, value: c });
        i = next;
      } else {
        const escaped = String.fromCodePoint(input.codePointAt(next));
        tokens.push({ type: 'escaped-char', index: start, value: escaped });
        i = next + escaped.length;
      }
    } else if (c === '{') {
      tokens.push({ type: 'open', index: start, value: c });
      i = next;
    } else if (c === '}') {
      tokens.push({ type: 'close', index: start, value: c });
      i = next;
    } else if (c === ':') {
      let j = next;
      while (j < input.length) {
        const d = String.fromCodePoint(input.codePointAt(j));
        if (!(j === next ? isNameStart(d) : isNamePart(d))) break;
        j += d.length;
      }
      if (j === next) {
        error(start, 'missing parameter name');
        tokens.push({ type: 'invalid-char', index: start, value: c });
        i = next;
      } else {
        tokens.push({ type: 'name', index: start, value: input.slice(next, j) });
        i = j;
      }
    } else if (c === '(') {
      let depth = 1;
      let j = next;
      let ok = true;
      const regexpStart = next;
      while (j < input.length) {
        const d = String.fromCodePoint(input.codePointAt(j));
        if (d.codePointAt(0) > 0x7f) { error(j, 'non-ASCII character in a regexp group'); ok = false; break; }
        if (j === regexpStart && d === '?') { error(j, 'a regexp group may not start with "?"'); ok = false; break; }
        if (d === '\\') {
          if (j + 1 >= input.length) { error(j, 'trailing backslash in a regexp group'); ok = false; break; }
          if (input.codePointAt(j + 1) > 0x7f) { error(j, 'non-ASCII character in a regexp group'); ok = false; break; }
          j += 2;
          continue;
        }
        if (d === ')') {
          depth -= 1;
          if (depth === 0) { j += 1; break; }
        } else if (d === '(') {
          depth += 1;
          if (j + 1 >= input.length || input[j + 1] !== '?') { error(j, 'capturing groups are not allowed inside a regexp group'); ok = false; break; }
        }
        j += d.length;
      }
      if (ok && depth !== 0) { error(start, 'unbalanced regexp group'); ok = false; }
      const value = ok ? input.slice(regexpStart, j - 1) : '';
      if (ok && value === '') { error(start, 'empty regexp group'); ok = false; }
      if (!ok) {
        tokens.push({ type: 'invalid-char', index: start, value: c });
        i = next;
      } else {
        tokens.push({ type: 'regexp', index: start, value });
        i = j;
      }
    } else {
      tokens.push({ type: 'char', index: start, value: c });
      i = next;
    }
  }
  tokens.push({ type: 'end', index: input.length, value: '' });
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// Pattern parser, regexp and pattern-string generation

const escapeRegexp = (s) => s.replace(/[.+*?^${}()[\]|/\\]/g, '\\$&');
const escapePattern = (s) => s.replace(/[+*?:{}()\\]/g, '\\$&');
const segmentWildcard = (options) => `[^${escapeRegexp(options.delimiter)}]+?`;
const MODIFIERS = { '?': 'optional', '*': 'zero-or-more', '+': 'one-or-more' };
const MODIFIER_TEXT = { none: '', optional: '?', 'zero-or-more': '*', 'one-or-more': '+' };

function parsePattern(input, options, encode) {
  const tokens = tokenize(input, false);
  const parts = [];
  let index = 0;
  let pending = '';
  let nextNumericName = 0;
  const tryConsume = (type) => {
    if (tokens[index].type !== type) return null;
    return tokens[index++];
  };
  const tryRegexpOrWildcard = (name) => {
    const t = tryConsume('regexp');
    return name === null && t === null ? tryConsume('asterisk') : t;
  };
  const tryModifier = () => tryConsume('other-modifier') ?? tryConsume('asterisk');
  const consumeRequired = (type) => {
    const t = tryConsume(type);
    if (t === null) throw new TypeError(`Invalid URLPattern "${input}": expected ${type} at ${tokens[index].index}.`);
    return t;
  };
  const consumeText = () => {
    let out = '';
    for (;;) {
      const t = tryConsume('char') ?? tryConsume('escaped-char');
      if (t === null) return out;
      out += t.value;
    }
  };
  const flushPending = () => {
    if (pending === '') return;
    parts.push({ type: 'fixed-text', value: encode(pending), modifier: 'none', name: '', prefix: '', suffix: '' });
    pending = '';
  };
  const addPart = (prefix, nameToken, regexpToken, suffix, modifierToken) => {
    const modifier = modifierToken === null ? 'none' : MODIFIERS[modifierToken.value];
    if (nameToken === null && regexpToken === null && modifier === 'none') {
      pending += prefix;
      return;
    }
    flushPending();
    if (nameToken === null && regexpToken === null) {
      if (prefix === '') return;
      parts.push({ type: 'fixed-text', value: encode(prefix), modifier, name: '', prefix: '', suffix: '' });
      return;
    }
    let value;
    if (regexpToken === null) value = segmentWildcard(options);
    else if (regexpToken.type === 'asterisk') value = '.*';
    else value = regexpToken.value;
    let type = 'regexp';
    if (value === segmentWildcard(options)) {
      type = 'segment-wildcard';
      value = '';
    } else if (value === '.*') {
      type = 'full-wildcard';
      value = '';
    }
    let name = '';
    if (nameToken !== null) name = nameToken.value;
    else name = String(nextNumericName++);
    if (parts.some((p) => p.name === name && p.type !== 'fixed-text')) {
      throw new TypeError(`Invalid URLPattern "${input}": duplicate name "${name}".`);
    }
    parts.push({ type, value, modifier, name, prefix: encode(prefix), suffix: encode(suffix) });
  };
  while (index < tokens.length) {
    const charToken = tryConsume('char');
    let nameToken = tryConsume('name');
    let regexpToken = tryRegexpOrWildcard(nameToken);
    if (nameToken !== null || regexpToken !== null) {
      let prefix = charToken?.value ?? '';
      if (prefix !== options.prefix) {
        pending += prefix;
        prefix = '';
      }
      flushPending();
      addPart(prefix, nameToken, regexpToken, '', tryModifier());
      continue;
    }
    const fixed = charToken ?? tryConsume('escaped-char');
    if (fixed !== null) {
      pending += fixed.value;
      continue;
    }
    if (tryConsume('open') !== null) {
      const prefix = consumeText();
      nameToken = tryConsume('name');
      regexpToken = tryRegexpOrWildcard(nameToken);
      const suffix = consumeText();
      consumeRequired('close');
      addPart(prefix, nameToken, regexpToken, suffix, tryModifier());
      continue;
    }
    flushPending();
    consumeRequired('end');
  }
  return parts;
}

function generateRegexp(parts, options) {
  let source = '^';
  const names = [];
  for (const part of parts) {
    const mod = MODIFIER_TEXT[part.modifier];
    if (part.type === 'fixed-text') {
      source += part.modifier === 'none' ? escapeRegexp(part.value) : `(?:${escapeRegexp(part.value)})${mod}`;
      continue;
    }
    names.push(part.name);
    let value = part.value;
    if (part.type === 'segment-wildcard') value = segmentWildcard(options);
    else if (part.type === 'full-wildcard') value = '.*';
    const single = part.modifier === 'none' || part.modifier === 'optional';
    if (part.prefix === '' && part.suffix === '') {
      source += single ? `(${value})${mod}` : `((?:${value})${mod})`;
      continue;
    }
    const prefix = escapeRegexp(part.prefix);
    const suffix = escapeRegexp(part.suffix);
    if (single) {
      source += `(?:${prefix}(${value})${suffix})${mod}`;
      continue;
    }
    source += `(?:${prefix}((?:${value})(?:${suffix}${prefix}(?:${value}))*)${suffix})`;
    if (part.modifier === 'zero-or-more') source += '?';
  }
  return { source: source + '$', names };
}

function generatePatternString(parts, options) {
  let result = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const previous = i > 0 ? parts[i - 1] : null;
    const next = i + 1 < parts.length ? parts[i + 1] : null;
    const mod = MODIFIER_TEXT[part.modifier];
    if (part.type === 'fixed-text') {
      result += part.modifier === 'none' ? escapePattern(part.value) : `{${escapePattern(part.value)}}${mod}`;
      continue;
    }
    const customName = !/^[0-9]/.test(part.name);
    let grouping = part.suffix !== '' || (part.prefix !== '' && part.prefix !== options.prefix);
    if (!grouping && customName && part.type === 'segment-wildcard' && part.modifier === 'none' && next !== null
        && next.prefix === '' && next.suffix === '') {
      grouping = next.type === 'fixed-text' ? next.value !== '' && isNamePart(String.fromCodePoint(next.value.codePointAt(0)))
        : /^[0-9]/.test(next.name);
    }
    if (!grouping && part.prefix === '' && previous !== null && previous.type === 'fixed-text'
        && options.prefix !== '' && previous.value.endsWith(options.prefix)) {
      grouping = true;
    }
    if (grouping) result += '{';
    result += escapePattern(part.prefix);
    if (customName) result += `:${part.name}`;
    if (part.type === 'regexp') {
      result += `(${part.value})`;
    } else if (part.type === 'segment-wildcard' && !customName) {
      result += `(${segmentWildcard(options)})`;
    } else if (part.type === 'full-wildcard') {
      if (!customName && (previous === null || previous.type === 'fixed-text' || previous.modifier !== 'none' || grouping
          || part.prefix !== '')) {
        result += '*';
      } else {
        result += '(.*)';
      }
    }
    if (part.type === 'segment-wildcard' && customName && part.suffix !== ''
        && isNamePart(String.fromCodePoint(part.suffix.codePointAt(0)))) {
      result += '\\';
    }
    result += escapePattern(part.suffix);
    if (grouping) result += '}';
    result += mod;
  }
  return result;
}

function compileComponent(input, encode, options, ignoreCase) {
  const parts = parsePattern(input, options, encode);
  const { source, names } = generateRegexp(parts, options);
  let regexp;
  try {
    regexp = new RegExp(source, ignoreCase ? 'ui' : 'u');
  } catch (e) {
    throw new TypeError(`Invalid URLPattern "${input}": ${e.message}`);
  }
  return {
    pattern: generatePatternString(parts, options),
    regexp,
    names,
  };
}

const DEFAULT_OPTIONS = { delimiter: '', prefix: '' };
const HOSTNAME_OPTIONS = { delimiter: '.', prefix: '' };
const PATHNAME_OPTIONS = { delimiter: '/', prefix: '/' };

const matchesSpecialScheme = (component) => SPECIAL_SCHEMES.some((s) => component.regexp.test(s));

// ---------------------------------------------------------------------------------------------------------------
// Canonicalization of fixed text (the encoding callbacks)

function dummyUrl(protocol = 'fake') {
  return new URL(`${protocol}://dummy.test`);
}

function canonicalizeProtocol(value) {
  if (value === '') return value;
  let url;
  try {
    url = new URL(`${value}://dummy.test`);
  } catch {
    throw new TypeError(`Invalid protocol "${value}".`);
  }
  return url.protocol.slice(0, -1);
}

function canonicalizeUsername(value) {
  if (value === '') return value;
  const url = dummyUrl();
  url.username = value;
  return url.username;
}

function canonicalizePassword(value) {
  if (value === '') return value;
  const url = dummyUrl();
  url.password = value;
  return url.password;
}

function canonicalizeHostname(value) {
  if (value === '') return value;
  if (/[\s#%/:<>?@[\\\]^|]/.test(value) && !value.startsWith('[')) throw new TypeError(`Invalid hostname "${value}".`);
  const url = dummyUrl('https');
  url.hostname = value;
  if (url.hostname === 'dummy.test' && value.toLowerCase() !== 'dummy.test') throw new TypeError(`Invalid hostname "${value}".`);
  return url.hostname;
}

function canonicalizePort(value, protocol) {
  if (value === '') return value;
  if (!/^[0-9]+$/.test(value) || Number(value) > 65535) throw new TypeError(`Invalid port "${value}".`);
  void protocol; // workerd keeps a default port given explicitly in a pattern
  return String(Number(value));
}

function canonicalizePathname(value) {
  if (value === '') return value;
  const leadingSlash = value[0] === '/';
  const url = dummyUrl('https');
  url.pathname = leadingSlash ? value : `/-${value}`;
  return leadingSlash ? url.pathname : url.pathname.slice(2);
}

function canonicalizeOpaquePathname(value) {
  if (value === '') return value;
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0);
    out += cp < 0x20 || cp > 0x7e ? encodeURIComponent(ch) : ch;
  }
  return out;
}

function canonicalizeSearch(value) {
  if (value === '') return value;
  const url = dummyUrl();
  url.search = value;
  return url.search.slice(1);
}

function canonicalizeHash(value) {
  if (value === '') return value;
  const url = dummyUrl();
  url.hash = value;
  return url.hash.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// URLPatternInit processing and the constructor string parser

function isAbsolutePathname(input, type) {
  if (input === '') return false;
  if (input[0] === '/') return true;
  if (type === 'url' || input.length < 2) return false;
  return (input[0] === '\\' || input[0] === '{') && input[1] === '/';
}

// perKey: every component the init lacks comes from baseURL (what workerd does for a URLPatternInit pattern);
// otherwise the standard's rule: only the components before the first one the init names are inherited.
function processInit(init, type, defaults, perKey = false) {
  const result = { ...defaults };
  const named = (k) => init[k] !== undefined;
  if (perKey && init.baseURL !== undefined) {
    let baseURL;
    try {
      baseURL = new URL(String(init.baseURL));
    } catch {
      throw new TypeError(`Invalid baseURL "${init.baseURL}".`);
    }
    const fromBase = {
      protocol: baseURL.protocol.slice(0, -1), username: baseURL.username, password: baseURL.password,
      hostname: baseURL.hostname, port: baseURL.port, pathname: baseURL.pathname, search: baseURL.search.slice(1),
      hash: baseURL.hash.slice(1),
    };
    for (const c of COMPONENTS) if (!named(c)) result[c] = escapePattern(fromBase[c]);
  }
  const base = (s) => (type === 'pattern' ? escapePattern(s) : s);
  let baseURL = null;
  if (!perKey && named('baseURL')) {
    try {
      baseURL = new URL(String(init.baseURL));
    } catch {
      throw new TypeError(`Invalid baseURL "${init.baseURL}".`);
    }
    if (!named('protocol')) result.protocol = base(baseURL.protocol.slice(0, -1));
    if (type !== 'pattern' && !named('protocol') && !named('hostname') && !named('port') && !named('username')) {
      result.username = base(baseURL.username);
    }
    if (type !== 'pattern' && !named('protocol') && !named('hostname') && !named('port') && !named('username') && !named('password')) {
      result.password = base(baseURL.password);
    }
    if (!named('protocol') && !named('hostname')) result.hostname = base(baseURL.hostname);
    if (!named('protocol') && !named('hostname') && !named('port')) result.port = base(baseURL.port);
    if (!named('protocol') && !named('hostname') && !named('port') && !named('pathname')) result.pathname = base(baseURL.pathname);
    if (!named('protocol') && !named('hostname') && !named('port') && !named('pathname') && !named('search')) {
      result.search = base(baseURL.search.slice(1));
    }
    if (!named('protocol') && !named('hostname') && !named('port') && !named('pathname') && !named('search') && !named('hash')) {
      result.hash = base(baseURL.hash.slice(1));
    }
  }
  const value = (k) => String(init[k]);
  if (named('protocol')) {
    const stripped = value('protocol').replace(/:$/, '');
    result.protocol = type === 'pattern' ? stripped : canonicalizeProtocol(stripped);
  }
  if (named('username')) result.username = type === 'pattern' ? value('username') : canonicalizeUsername(value('username'));
  if (named('password')) result.password = type === 'pattern' ? value('password') : canonicalizePassword(value('password'));
  if (named('hostname')) result.hostname = type === 'pattern' ? value('hostname') : canonicalizeHostname(value('hostname'));
  if (named('port')) result.port = type === 'pattern' ? value('port') : canonicalizePort(value('port'), result.protocol);
  if (named('pathname')) {
    let pathname = value('pathname');
    if (baseURL !== null && !isAbsolutePathname(pathname, type)) {
      const basePath = base(baseURL.pathname);
      const slash = basePath.lastIndexOf('/');
      if (slash >= 0) pathname = basePath.slice(0, slash + 1) + pathname;
    }
    if (type !== 'pattern') {
      const special = result.protocol === undefined || result.protocol === '' || SPECIAL_SCHEMES.includes(result.protocol);
      pathname = special ? canonicalizePathname(pathname) : canonicalizeOpaquePathname(pathname);
    }
    result.pathname = pathname;
  }
  if (named('search')) {
    const stripped = value('search').replace(/^\?/, '');
    result.search = type === 'pattern' ? stripped : canonicalizeSearch(stripped);
  }
  if (named('hash')) {
    const stripped = value('hash').replace(/^#/, '');
    result.hash = type === 'pattern' ? stripped : canonicalizeHash(stripped);
  }
  return result;
}

function parseConstructorString(input) {
  const tokens = tokenize(input, true);
  const result = {};
  let state = 'init';
  let tokenIndex = 0;
  let tokenIncrement = 1;
  let componentStart = 0;
  let groupDepth = 0;
  let ipv6Depth = 0;
  let special = false;
  const safe = (i) => (i < tokens.length ? tokens[i] : tokens[tokens.length - 1]);
  const plainChar = (i, value) => {
    const t = safe(i);
    return t.value === value && (t.type === 'char' || t.type === 'escaped-char' || t.type === 'invalid-char');
  };
  const componentString = () => input.slice(safe(componentStart).index, tokens[tokenIndex].index);
  const rewind = () => {
    tokenIndex = componentStart;
    tokenIncrement = 0;
  };
  const changeState = (next, skip) => {
    if (state !== 'init' && state !== 'authority' && state !== 'done') result[state] = componentString();
    if (state !== 'init' && next !== 'done') {
      const early = ['protocol', 'authority', 'username', 'password'];
      if (early.includes(state) && ['port', 'pathname', 'search', 'hash'].includes(next) && result.hostname === undefined) {
        result.hostname = '';
      }
      if ([...early, 'hostname', 'port'].includes(state) && ['search', 'hash'].includes(next) && result.pathname === undefined) {
        result.pathname = special ? '/' : '';
      }
      if ([...early, 'hostname', 'port', 'pathname'].includes(state) && next === 'hash' && result.search === undefined) {
        result.search = '';
      }
    }
    state = next;
    tokenIndex += skip;
    componentStart = tokenIndex;
    tokenIncrement = 0;
  };
  const isSearchPrefix = () => {
    if (plainChar(tokenIndex, '?')) return true;
    if (tokens[tokenIndex].value !== '?') return false;
    if (tokenIndex === 0) return true;
    return !['name', 'regexp', 'close', 'asterisk'].includes(safe(tokenIndex - 1).type);
  };
  const isHashPrefix = () => plainChar(tokenIndex, '#');
  const isPathnameStart = () => plainChar(tokenIndex, '/');
  while (tokenIndex < tokens.length) {
    tokenIncrement = 1;
    const token = tokens[tokenIndex];
    if (token.type === 'end') {
      if (state === 'init') {
        rewind();
        if (isHashPrefix()) changeState('hash', 1);
        else if (isSearchPrefix()) changeState('search', 1);
        else changeState('pathname', 0);
        tokenIndex += tokenIncrement;
        continue;
      }
      if (state === 'authority') {
        rewind();
        state = 'hostname';
        tokenIndex += tokenIncrement;
        continue;
      }
      changeState('done', 0);
      break;
    }
    if (token.type === 'open') {
      groupDepth += 1;
      tokenIndex += tokenIncrement;
      continue;
    }
    if (groupDepth > 0) {
      if (token.type === 'close') {
        groupDepth -= 1;
      } else {
        tokenIndex += tokenIncrement;
        continue;
      }
    }
    switch (state) {
      case 'init':
        if (plainChar(tokenIndex, ':')) {
          rewind();
          state = 'protocol';
        }
        break;
      case 'protocol':
        if (plainChar(tokenIndex, ':')) {
          special = matchesSpecialScheme(compileComponent(componentString(), canonicalizeProtocol, DEFAULT_OPTIONS, false));
          let next = 'pathname';
          let skip = 1;
          if (plainChar(tokenIndex + 1, '/') && plainChar(tokenIndex + 2, '/')) {
            next = 'authority';
            skip = 3;
          } else if (special) {
            next = 'authority';
          }
          changeState(next, skip);
        }
        break;
      case 'authority':
        if (plainChar(tokenIndex, '@')) {
          rewind();
          state = 'username';
        } else if (isPathnameStart() || isSearchPrefix() || isHashPrefix()) {
          rewind();
          state = 'hostname';
        }
        break;
      case 'username':
        if (plainChar(tokenIndex, ':')) changeState('password', 1);
        else if (plainChar(tokenIndex, '@')) changeState('hostname', 1);
        break;
      case 'password':
        if (plainChar(tokenIndex, '@')) changeState('hostname', 1);
        break;
      case 'hostname':
        if (plainChar(tokenIndex, '[')) ipv6Depth += 1;
        else if (plainChar(tokenIndex, ']')) ipv6Depth -= 1;
        else if (plainChar(tokenIndex, ':') && ipv6Depth === 0) changeState('port', 1);
        else if (isPathnameStart()) changeState('pathname', 0);
        else if (isSearchPrefix()) changeState('search', 1);
        else if (isHashPrefix()) changeState('hash', 1);
        break;
      case 'port':
        if (isPathnameStart()) changeState('pathname', 0);
        else if (isSearchPrefix()) changeState('search', 1);
        else if (isHashPrefix()) changeState('hash', 1);
        break;
      case 'pathname':
        if (isSearchPrefix()) changeState('search', 1);
        else if (isHashPrefix()) changeState('hash', 1);
        break;
      case 'search':
        if (isHashPrefix()) changeState('hash', 1);
        break;
      default:
        break;
    }
    tokenIndex += tokenIncrement;
  }
  if (result.hostname !== undefined && result.port === undefined) result.port = '';
  return result;
}

// ---------------------------------------------------------------------------------------------------------------

export class URLPattern {
  #components = {};

  constructor(input = {}, baseURL = undefined, options = undefined) {
    if (baseURL !== undefined && typeof baseURL === 'object' && baseURL !== null) {
      options = baseURL;
      baseURL = undefined;
    }
    let init;
    if (typeof input === 'string') {
      init = parseConstructorString(input);
      if (baseURL === undefined && init.protocol === undefined) {
        throw new TypeError(`Invalid URLPattern "${input}": a relative pattern needs a baseURL.`);
      }
      if (baseURL !== undefined) init.baseURL = String(baseURL);
    } else {
      if (input === null || typeof input !== 'object') throw new TypeError('URLPattern input must be a string or an object.');
      if (baseURL !== undefined) throw new TypeError('A baseURL is only allowed with a string pattern.');
      init = input;
    }
    const processed = processInit(init, 'pattern', {}, typeof input !== 'string');
    // as in workerd: a constructor string leaves the components it does not name empty (they must match ''),
    // an init object leaves them as wildcards; an explicit default port is kept
    const missing = typeof input === 'string' ? '' : '*';
    for (const c of COMPONENTS) if (processed[c] === undefined) processed[c] = missing;
    const ignoreCase = !!options?.ignoreCase;
    const c = this.#components;
    c.protocol = compileComponent(processed.protocol, canonicalizeProtocol, DEFAULT_OPTIONS, ignoreCase);
    c.username = compileComponent(processed.username, canonicalizeUsername, DEFAULT_OPTIONS, ignoreCase);
    c.password = compileComponent(processed.password, canonicalizePassword, DEFAULT_OPTIONS, ignoreCase);
    c.hostname = compileComponent(processed.hostname, canonicalizeHostname, HOSTNAME_OPTIONS, ignoreCase);
    c.port = compileComponent(processed.port, (v) => canonicalizePort(v, processed.protocol), DEFAULT_OPTIONS, ignoreCase);
    const special = matchesSpecialScheme(c.protocol);
    c.pathname = special ? compileComponent(processed.pathname, canonicalizePathname, PATHNAME_OPTIONS, ignoreCase)
      : compileComponent(processed.pathname, canonicalizeOpaquePathname, DEFAULT_OPTIONS, ignoreCase);
    c.search = compileComponent(processed.search, canonicalizeSearch, DEFAULT_OPTIONS, ignoreCase);
    c.hash = compileComponent(processed.hash, canonicalizeHash, DEFAULT_OPTIONS, ignoreCase);
  }

  get protocol() { return this.#components.protocol.pattern; }

  get username() { return this.#components.username.pattern; }

  get password() { return this.#components.password.pattern; }

  get hostname() { return this.#components.hostname.pattern; }

  get port() { return this.#components.port.pattern; }

  get pathname() { return this.#components.pathname.pattern; }

  get search() { return this.#components.search.pattern; }

  get hash() { return this.#components.hash.pattern; }

  test(input = {}, baseURL = undefined) {
    return this.#match(input, baseURL) !== null;
  }

  exec(input = {}, baseURL = undefined) {
    return this.#match(input, baseURL);
  }

  #match(input, baseURL) {
    const inputs = [input];
    let values;
    if (typeof input === 'object' && input !== null && !(input instanceof URL)) {
      if (baseURL !== undefined) throw new TypeError('A baseURL is only allowed with a string input.');
      // workerd reports a copy of the init with its members in this order
      inputs[0] = Object.fromEntries([...COMPONENTS, 'baseURL'].filter((k) => input[k] !== undefined).map((k) => [k, String(input[k])]));
      try {
        values = processInit(input, 'url', Object.fromEntries(COMPONENTS.map((c) => [c, ''])));
      } catch {
        return null;
      }
    } else {
      let url;
      try {
        url = baseURL === undefined ? new URL(String(input)) : new URL(String(input), String(baseURL));
      } catch {
        return null;
      }
      if (baseURL !== undefined) inputs.push(baseURL);
      values = {
        protocol: url.protocol.slice(0, -1), username: url.username, password: url.password, hostname: url.hostname,
        port: url.port, pathname: url.pathname, search: url.search.slice(1), hash: url.hash.slice(1),
      };
    }
    const result = { inputs };
    for (const c of COMPONENTS) {
      const component = this.#components[c];
      const m = component.regexp.exec(values[c]);
      if (m === null) return null;
      const groups = {};
      component.names.forEach((name, i) => {
        groups[name] = m[i + 1] ?? ''; // workerd reports an unmatched optional group as ''
      });
      result[c] = { input: values[c], groups };
    }
    return result;
  }
}
