// crypto.subtle (RT-7) on the host's JCA. A CryptoKey's material (raw bytes of a secret key, PKCS#8 / SPKI DER
// of an asymmetric one) lives in a module-private WeakMap and is passed to the host on each operation, so the
// Java side keeps no per-key state and no Java object is reachable from JS. Operations run synchronously on the
// isolate thread (as in workerd) inside async methods, so they still answer with Promises and reject with
// DOMExceptions.

import { host } from './host.js';
import { DOMException } from './errors.js';
import { atob, btoa, TextEncoder, TextDecoder } from './encoding.js';

const slots = new WeakMap();
const ILLEGAL = Symbol('illegal');

const CANONICAL = {};
for (const name of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'MD5', 'HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'ECDSA',
  'RSASSA-PKCS1-v1_5', 'RSA-PSS', 'Ed25519', 'NODE-ED25519', 'PBKDF2', 'HKDF', 'AES-KW', 'RSA-OAEP', 'ECDH', 'X25519']) {
  CANONICAL[name.toUpperCase()] = name;
}

const SECRET = new Set(['HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'AES-KW', 'PBKDF2', 'HKDF']);
const SIGN_USAGES = { private: ['sign'], public: ['verify'] };
const OAEP_USAGES = { private: ['decrypt', 'unwrapKey'], public: ['encrypt', 'wrapKey'] };
const AGREE_USAGES = { private: ['deriveKey', 'deriveBits'], public: [] };
/** Asymmetric algorithms and the usages their private / public keys may have. */
const ASYMMETRIC = {
  ECDSA: SIGN_USAGES, 'RSASSA-PKCS1-v1_5': SIGN_USAGES, 'RSA-PSS': SIGN_USAGES, Ed25519: SIGN_USAGES,
  'NODE-ED25519': SIGN_USAGES, 'RSA-OAEP': OAEP_USAGES, ECDH: AGREE_USAGES, X25519: AGREE_USAGES,
};
const USAGES = {
  HMAC: ['sign', 'verify'],
  'AES-GCM': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-CBC': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-CTR': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-KW': ['wrapKey', 'unwrapKey'],
  PBKDF2: ['deriveKey', 'deriveBits'],
  HKDF: ['deriveKey', 'deriveBits'],
};
const BLOCK_BITS = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };

function notSupported(what) {
  return new DOMException(`Unrecognized or unimplemented ${what}.`, 'NotSupportedError');
}

/** Calls the host; a "!Name\0message" answer becomes a DOMException. */
function call(op, s1 = '', s2 = '', s3 = '', a, b, c, d) {
  const r = host.subtle(op, s1, s2, s3, a, b, c, d);
  if (typeof r === 'string') {
    if (r[0] === '!') {
      const nul = r.indexOf('\0');
      throw new DOMException(r.slice(nul + 1), r.slice(1, nul));
    }
    return JSON.parse(r);
  }
  return r;
}

function bufferSource(value, what = 'data') {
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  throw new TypeError(`Failed to execute operation: parameter "${what}" is not of type 'ArrayBuffer or ArrayBufferView'.`);
}

function fromBase64(s) {
  const text = atob(s);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function toBase64Url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s, member) {
  if (typeof s !== 'string') throw new DOMException(`Invalid JWK: "${member}" is missing or not a string.`, 'DataError');
  try {
    return fromBase64(s.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw new DOMException(`Invalid JWK: "${member}" is not valid base64url.`, 'DataError');
  }
}

function normalize(algorithm, what) {
  const alg = typeof algorithm === 'string' ? { name: algorithm } : algorithm;
  if (alg === null || typeof alg !== 'object' || typeof alg.name !== 'string') {
    throw new TypeError('Algorithm must be a string or an object with a "name" string property.');
  }
  const name = CANONICAL[alg.name.toUpperCase()];
  if (name === undefined) throw notSupported(what ?? `algorithm "${alg.name}" requested`);
  return { ...alg, name };
}

function hashName(hash) {
  if (hash === undefined) throw new TypeError('Missing field "hash" in "algorithm".');
  const name = CANONICAL[String(typeof hash === 'object' && hash !== null ? hash.name : hash).toUpperCase()];
  if (!['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'].includes(name)) throw notSupported('digest algorithm requested');
  return name;
}

function checkUsages(usages, allowed, kind, verb = 'import') {
  if (!Array.isArray(usages)) throw new TypeError('Key usages must be an array.');
  for (const u of usages) {
    if (!allowed.includes(u)) throw new DOMException(`Attempt to ${verb} ${kind} key with invalid usage "${u}".`, 'SyntaxError');
  }
  return [...new Set(usages)];
}

export class CryptoKey {
  constructor(token) {
    if (token !== ILLEGAL) throw new TypeError('Illegal constructor');
  }

  get type() { return slot(this).type; }

  get extractable() { return slot(this).extractable; }

  get algorithm() { return slot(this).algorithm; }

  get usages() { return slot(this).usages.slice(); }
}

function slot(key) {
  const s = slots.get(key);
  if (s === undefined) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
  return s;
}

function makeKey(type, extractable, algorithm, usages, material) {
  const key = new CryptoKey(ILLEGAL);
  slots.set(key, { type, extractable: !!extractable, algorithm: Object.freeze(algorithm), usages, ...material });
  return key;
}

function useKey(key, alg, usage) {
  if (!(key instanceof CryptoKey)) throw new TypeError('Failed to execute operation: parameter "key" is not of type \'CryptoKey\'.');
  const s = slot(key);
  if (s.algorithm.name !== alg.name) {
    throw new DOMException(`Requested algorithm "${alg.name}" does not match this CryptoKey's algorithm "${s.algorithm.name}".`, 'InvalidAccessError');
  }
  if (!s.usages.includes(usage)) {
    throw new DOMException(`Requested key usage "${usage}" does not match any usage listed in this CryptoKey.`, 'InvalidAccessError');
  }
  return s;
}

function signerKind(name) {
  return name === 'NODE-ED25519' ? 'Ed25519' : name;
}

function ktyOf(kind) {
  if (kind === 'ECDSA' || kind === 'ECDH') return 'EC';
  return kind === 'Ed25519' || kind === 'X25519' ? 'OKP' : 'RSA';
}

function crvOf(kind, algorithm) {
  if (kind === 'ECDSA' || kind === 'ECDH') return { crv: algorithm.namedCurve };
  return kind === 'Ed25519' || kind === 'X25519' ? { crv: kind } : {};
}

function asymAlgorithm(alg, pub) {
  const name = alg.name;
  if (name === 'ECDSA' || name === 'ECDH') return { name, namedCurve: alg.namedCurve };
  if (name === 'Ed25519' || name === 'X25519') return { name };
  if (name === 'NODE-ED25519') return { name, namedCurve: 'NODE-ED25519' };
  const info = call('export', name, 'info', '', undefined, pub);
  return { name, modulusLength: info.bits, publicExponent: trimExponent(fromBase64(info.e)), hash: { name: hashName(alg.hash) } };
}

function trimExponent(bytes) {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.slice(i);
}

function checkCurve(alg) {
  if ((alg.name === 'ECDSA' || alg.name === 'ECDH') && !['P-256', 'P-384', 'P-521'].includes(alg.namedCurve)) {
    throw notSupported(`EC curve "${alg.namedCurve}" requested`);
  }
  if (alg.name === 'NODE-ED25519' && alg.namedCurve !== 'NODE-ED25519') {
    throw notSupported(`NODE-ED25519 curve "${alg.namedCurve}" requested`);
  }
}

function aesLength(bits) {
  if (![128, 192, 256].includes(bits)) {
    throw new DOMException(`Imported AES key length must be 128, 192, or 256 bits but provided ${bits}.`, 'DataError');
  }
  return bits;
}

function importSecret(format, keyData, alg, extractable, usages, verb = 'import') {
  let bytes;
  if (format === 'raw') {
    bytes = bufferSource(keyData, 'keyData');
  } else if (format === 'jwk' && alg.name !== 'PBKDF2' && alg.name !== 'HKDF') {
    if (keyData === null || typeof keyData !== 'object' || keyData.kty !== 'oct') {
      throw new DOMException('Symmetric "jwk" key import requires a JSON Web Key with Key Type parameter "kty" equal to "oct".', 'DataError');
    }
    if (keyData.ext === false && extractable) {
      throw new DOMException('JWK "ext" is false but the key was requested to be extractable.', 'DataError');
    }
    bytes = fromBase64Url(keyData.k, 'k');
  } else {
    throw notSupported(`key import format "${format}" for ${alg.name}`);
  }
  usages = checkUsages(usages, USAGES[alg.name], `secret ${alg.name}`, verb);
  let algorithm;
  if (alg.name === 'HMAC') {
    const length = alg.length ?? bytes.length * 8;
    if (bytes.length === 0 || length > bytes.length * 8 || length <= (bytes.length - 1) * 8) {
      throw new DOMException('Imported HMAC key length (' + length + ') must be a non-zero value up to 7 bits less than, and no greater than, the bit length of the raw key data (' + bytes.length * 8 + ').', 'DataError');
    }
    algorithm = { name: 'HMAC', hash: { name: hashName(alg.hash) }, length }; // workerd's member order
  } else if (alg.name.startsWith('AES-')) {
    algorithm = { name: alg.name, length: aesLength(bytes.length * 8) };
  } else {
    if (extractable) throw new DOMException(`${alg.name} keys cannot be extractable.`, 'SyntaxError');
    algorithm = { name: alg.name };
  }
  if (usages.length === 0) throw new DOMException(`Attempt to create a ${alg.name} key with no usages.`, 'SyntaxError');
  return makeKey('secret', extractable, algorithm, usages, { secret: bytes });
}

const JWK_MEMBERS = ['kty', 'crv', 'x', 'y', 'd', 'n', 'e', 'p', 'q', 'dp', 'dq', 'qi'];

function importAsymmetric(format, keyData, alg, extractable, usages) {
  checkCurve(alg);
  const kind = signerKind(alg.name);
  let data;
  if (format === 'jwk') {
    if (keyData === null || typeof keyData !== 'object') throw new TypeError('JWK key data must be an object.');
    const kty = ktyOf(kind);
    if (keyData.kty !== kty) throw new DOMException(`${alg.name} "jwk" key import requires a JSON Web Key with Key Type parameter "kty" equal to "${kty}".`, 'DataError');
    data = JWK_MEMBERS.map((m) => (typeof keyData[m] === 'string' ? keyData[m] : '')).join('\n');
  } else if (format === 'raw' || format === 'spki' || format === 'pkcs8') {
    data = bufferSource(keyData, 'keyData');
  } else {
    throw notSupported(`key import format "${format}"`);
  }
  const r = call('import', kind, format, alg.namedCurve ?? '', data);
  const priv = r.priv === undefined ? undefined : fromBase64(r.priv);
  const pub = r.pub === undefined ? undefined : fromBase64(r.pub);
  usages = checkUsages(usages, ASYMMETRIC[alg.name][r.type], `${r.type} ${alg.name}`);
  if (r.type === 'private' && usages.length === 0) {
    throw new DOMException(`Attempt to create a private ${alg.name} key with no usages.`, 'SyntaxError');
  }
  return makeKey(r.type, extractable, asymAlgorithm(alg, pub ?? undefined), usages, { priv, pub });
}

const JWK_ALG = {
  HMAC: (a) => `HS${a.hash.name.slice(4)}`,
  'AES-GCM': (a) => `A${a.length}GCM`,
  'AES-CBC': (a) => `A${a.length}CBC`,
  'AES-CTR': (a) => `A${a.length}CTR`,
  'AES-KW': (a) => `A${a.length}KW`,
  'RSA-OAEP': (a) => (a.hash.name === 'SHA-1' ? 'RSA-OAEP' : `RSA-OAEP-${a.hash.name.slice(4)}`),
  ECDH: () => undefined,
  X25519: () => undefined,
  'RSASSA-PKCS1-v1_5': (a) => `RS${a.hash.name.slice(4)}`,
  'RSA-PSS': (a) => `PS${a.hash.name.slice(4)}`,
  ECDSA: () => undefined, // workerd's EC JWK export has no "alg"
  Ed25519: () => 'EdDSA',
  'NODE-ED25519': () => 'EdDSA',
};

function exportKey(format, key) {
  if (!(key instanceof CryptoKey)) throw new TypeError('Failed to execute operation: parameter "key" is not of type \'CryptoKey\'.');
  const s = slot(key);
  if (!s.extractable) throw new DOMException(`Attempt to export non-extractable ${s.algorithm.name} key.`, 'InvalidAccessError');
  const name = s.algorithm.name;
  if (s.type === 'secret') {
    if (format === 'raw') return s.secret.slice().buffer;
    if (format === 'jwk') {
      return { kty: 'oct', key_ops: s.usages.slice(), alg: JWK_ALG[name](s.algorithm), ext: true, k: toBase64Url(s.secret) };
    }
    throw notSupported(`key export format "${format}" for a secret key`);
  }
  if (format === 'spki') {
    if (s.type !== 'public') throw new DOMException('Only public keys can be exported as "spki".', 'InvalidAccessError');
    return s.pub.slice().buffer;
  }
  if (format === 'pkcs8') {
    if (s.type !== 'private') throw new DOMException('Only private keys can be exported as "pkcs8".', 'InvalidAccessError');
    return s.priv.slice().buffer;
  }
  const kind = signerKind(name);
  if (format === 'raw') {
    if (s.type !== 'public' || kind.startsWith('RSA')) throw new DOMException(`Raw export of ${name} ${s.type} keys is not supported.`, 'InvalidAccessError');
    return call('export', kind, 'raw', '', undefined, s.pub);
  }
  if (format === 'jwk') {
    if (s.type === 'private' && s.pub === undefined && ktyOf(kind) !== 'RSA') {
      throw new DOMException(`Exporting this ${name} private key as "jwk" needs its public half, which a PKCS#8 import does not give.`, 'NotSupportedError');
    }
    const members = call('export', kind, 'jwk', '', s.type === 'private' ? s.priv : undefined, s.pub);
    const jwk = { kty: ktyOf(kind), key_ops: s.usages.slice(), alg: JWK_ALG[name](s.algorithm), ext: true,
      ...crvOf(kind, s.algorithm), ...members };
    if (jwk.alg === undefined) delete jwk.alg;
    return jwk;
  }
  throw notSupported(`key export format "${format}"`);
}

function randomSecret(bytes) {
  return new Uint8Array(host.randomBytes(bytes));
}

function generateKey(alg, extractable, usages) {
  if (alg.name === 'HMAC') {
    const hash = hashName(alg.hash);
    const length = alg.length ?? BLOCK_BITS[hash];
    if (!(length > 0)) throw new DOMException('HMAC key length must be a positive integer.', 'OperationError');
    return importSecret('raw', randomSecret(Math.ceil(length / 8)), { name: 'HMAC', hash, length }, extractable, usages, 'generate');
  }
  if (alg.name.startsWith('AES-')) {
    if (![128, 192, 256].includes(alg.length)) {
      throw new DOMException('Generated AES key length must be 128, 192, or 256 bits.', 'OperationError');
    }
    return importSecret('raw', randomSecret(alg.length / 8), alg, extractable, usages, 'generate');
  }
  const allowed = ASYMMETRIC[alg.name];
  if (allowed === undefined) throw notSupported(`key generation for "${alg.name}"`);
  checkCurve(alg);
  const kind = signerKind(alg.name);
  checkUsages(usages, [...allowed.private, ...allowed.public], alg.name, 'generate');
  let param = '';
  let exponent;
  if (kind === 'ECDSA' || kind === 'ECDH') param = alg.namedCurve;
  if (kind.startsWith('RSA')) {
    hashName(alg.hash);
    param = String(alg.modulusLength);
    exponent = bufferSource(alg.publicExponent ?? new Uint8Array([1, 0, 1]), 'publicExponent');
  }
  const r = call('generate', kind, param, '', exponent);
  const priv = fromBase64(r.priv);
  const pub = fromBase64(r.pub);
  const algorithm = asymAlgorithm(alg, pub);
  const privateUsages = usages.filter((u) => allowed.private.includes(u));
  if (privateUsages.length === 0) throw new DOMException(`Attempt to create a private ${alg.name} key with no usages.`, 'SyntaxError');
  return {
    publicKey: makeKey('public', true, { ...algorithm }, usages.filter((u) => allowed.public.includes(u)), { pub }),
    privateKey: makeKey('private', extractable, { ...algorithm }, privateUsages, { priv, pub }),
  };
}

function constantTimeEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

function signature(alg, s, data, sig) {
  const kind = signerKind(alg.name);
  if (kind === 'HMAC') {
    const mac = new Uint8Array(call('hmac', s.algorithm.hash.name, '', '', s.secret, data));
    return sig === undefined ? mac.buffer : constantTimeEqual(mac, sig);
  }
  let hash = '';
  let salt = '';
  if (kind === 'ECDSA') hash = hashName(alg.hash);
  if (kind.startsWith('RSA')) hash = s.algorithm.hash.name;
  if (kind === 'RSA-PSS') {
    if (!Number.isInteger(alg.saltLength) || alg.saltLength < 0) throw new TypeError('RSA-PSS requires a non-negative integer "saltLength".');
    salt = String(alg.saltLength);
  }
  return sig === undefined ? call('sign', kind, hash, salt, s.priv, data) : call('verify', kind, hash, salt, s.pub, sig, data);
}

function cipher(alg, s, data, encrypt) {
  switch (alg.name) {
    case 'AES-GCM': {
      const tag = alg.tagLength ?? 128;
      if (![32, 64, 96, 104, 112, 120, 128].includes(tag)) {
        throw new DOMException(`Invalid AES-GCM tag length ${tag}.`, 'OperationError');
      }
      const iv = bufferSource(alg.iv, 'iv');
      const aad = alg.additionalData === undefined ? undefined : bufferSource(alg.additionalData, 'additionalData');
      return call('aesGcm', encrypt ? 'encrypt' : 'decrypt', String(tag), '', s.secret, data, iv, aad);
    }
    case 'AES-CBC':
      return call('aesCbc', encrypt ? 'encrypt' : 'decrypt', '', '', s.secret, data, bufferSource(alg.iv, 'iv'));
    case 'AES-KW':
      return call('aesKw', encrypt ? 'encrypt' : 'decrypt', '', '', s.secret, data);
    case 'RSA-OAEP': {
      const label = alg.label === undefined ? undefined : bufferSource(alg.label, 'label');
      return call('rsaOaep', encrypt ? 'encrypt' : 'decrypt', s.algorithm.hash.name, '', encrypt ? s.pub : s.priv, data, label);
    }
    case 'AES-CTR':
      if (!(alg.length > 0 && alg.length <= 128)) throw new DOMException('AES-CTR length must be between 1 and 128.', 'OperationError');
      return call('aesCtr', '', '', '', s.secret, data, bufferSource(alg.counter, 'counter'));
    default:
      throw notSupported(`encryption algorithm "${alg.name}"`);
  }
}

function deriveBits(alg, s, length) {
  if (alg.name === 'ECDH' || alg.name === 'X25519') {
    const peer = alg.public;
    if (!(peer instanceof CryptoKey) || slot(peer).type !== 'public' || slot(peer).algorithm.name !== alg.name) {
      throw new DOMException(`${alg.name} "public" must be a public ${alg.name} CryptoKey.`, 'InvalidAccessError');
    }
    const secret = new Uint8Array(call('agree', alg.name, '', '', s.priv, slot(peer).pub));
    if (length === null || length === undefined) return secret.buffer;
    if (length > secret.length * 8) {
      throw new DOMException(`Derived key length (${length} bits) is too long (should be at most ${secret.length * 8} bits).`, 'OperationError');
    }
    const out = secret.slice(0, Math.ceil(length / 8));
    if (length % 8 !== 0) out[out.length - 1] &= 0xff << (8 - (length % 8));
    return out.buffer;
  }
  if (!Number.isInteger(length) || length <= 0 || length % 8 !== 0) {
    throw new DOMException('Derived bit length must be a positive multiple of 8.', 'OperationError');
  }
  const hash = hashName(alg.hash);
  if (alg.name === 'PBKDF2') {
    return call('pbkdf2', hash, String(alg.iterations ?? 0), String(length), s.secret, bufferSource(alg.salt, 'salt'));
  }
  if (alg.name === 'HKDF') {
    return call('hkdf', hash, String(length), '', s.secret, bufferSource(alg.salt, 'salt'), bufferSource(alg.info, 'info'));
  }
  throw notSupported(`key derivation algorithm "${alg.name}"`);
}

function derivedKeyLength(alg) {
  if (alg.name.startsWith('AES-')) return alg.length;
  if (alg.name === 'HMAC') return alg.length ?? BLOCK_BITS[hashName(alg.hash)];
  throw notSupported(`derived key algorithm "${alg.name}"`);
}

export class SubtleCrypto {
  constructor(token) {
    if (token !== ILLEGAL) throw new TypeError('Illegal constructor');
  }

  async digest(algorithm, data) {
    const alg = normalize(algorithm, 'digest algorithm requested');
    if (!['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'MD5'].includes(alg.name)) throw notSupported('digest algorithm requested');
    return call('digest', alg.name, '', '', bufferSource(data));
  }

  async importKey(format, keyData, algorithm, extractable, usages) {
    const alg = normalize(algorithm);
    if (SECRET.has(alg.name)) return importSecret(format, keyData, alg, extractable, usages);
    if (ASYMMETRIC[alg.name] !== undefined) return importAsymmetric(format, keyData, alg, extractable, usages);
    throw notSupported(`key import for "${alg.name}"`);
  }

  async exportKey(format, key) {
    return exportKey(format, key);
  }

  async generateKey(algorithm, extractable, usages) {
    return generateKey(normalize(algorithm), extractable, usages);
  }

  async sign(algorithm, key, data) {
    const alg = normalize(algorithm);
    return signature(alg, useKey(key, alg, 'sign'), bufferSource(data));
  }

  async verify(algorithm, key, signatureBytes, data) {
    const alg = normalize(algorithm);
    const material = useKey(key, alg, 'verify');
    const sig = bufferSource(signatureBytes, 'signature');
    if ((alg.name === 'Ed25519' || alg.name === 'NODE-ED25519') && sig.byteLength !== 64) {
      // workerd rejects instead of answering false
      throw new DOMException(`Invalid ${alg.name} signature length ${sig.byteLength} (expected 64).`, 'OperationError');
    }
    return signature(alg, material, bufferSource(data), sig);
  }

  async encrypt(algorithm, key, data) {
    const alg = normalize(algorithm);
    return cipher(alg, useKey(key, alg, 'encrypt'), bufferSource(data), true);
  }

  async decrypt(algorithm, key, data) {
    const alg = normalize(algorithm);
    return cipher(alg, useKey(key, alg, 'decrypt'), bufferSource(data), false);
  }

  async deriveBits(algorithm, baseKey, length) {
    const alg = normalize(algorithm);
    return deriveBits(alg, useKey(baseKey, alg, 'deriveBits'), length);
  }

  async deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages) {
    const alg = normalize(algorithm);
    const target = normalize(derivedKeyAlgorithm);
    const bits = deriveBits(alg, useKey(baseKey, alg, 'deriveKey'), derivedKeyLength(target));
    return importSecret('raw', bits, target, extractable, usages);
  }

  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    const alg = normalize(wrapAlgorithm);
    const exported = exportKey(format, key);
    const bytes = format === 'jwk' ? new TextEncoder().encode(JSON.stringify(exported)) : new Uint8Array(exported);
    return cipher(alg, useKey(wrappingKey, alg, 'wrapKey'), bytes, true);
  }

  async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages) {
    const alg = normalize(unwrapAlgorithm);
    const bytes = cipher(alg, useKey(unwrappingKey, alg, 'unwrapKey'), bufferSource(wrappedKey, 'wrappedKey'), false);
    const keyData = format === 'jwk' ? JSON.parse(new TextDecoder().decode(bytes)) : bytes;
    return this.importKey(format, keyData, unwrappedKeyAlgorithm, extractable, usages);
  }

  /** Non-standard (Cloudflare): compares two buffers of equal length in constant time. */
  timingSafeEqual(a, b) {
    const x = bufferSource(a, 'a');
    const y = bufferSource(b, 'b');
    if (x.length !== y.length) throw new TypeError('Input buffers must have the same byte length.');
    return constantTimeEqual(x, y);
  }
}

export const subtle = new SubtleCrypto(ILLEGAL);
