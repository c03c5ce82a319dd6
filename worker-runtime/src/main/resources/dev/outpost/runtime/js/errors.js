// DOMException and the error helpers shared by the prelude.

import { scope } from './host.js';

const LEGACY_CODES = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};

export class DOMException extends Error {
  #name;
  #code;

  constructor(message = '', options = 'Error') {
    super(String(message));
    const name = typeof options === 'object' && options !== null ? String(options.name ?? 'Error') : String(options);
    if (typeof options === 'object' && options !== null && 'cause' in options) {
      Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
    }
    this.#name = name;
    this.#code = LEGACY_CODES[name] ?? 0;
  }

  get name() {
    return this.#name;
  }

  get code() {
    return this.#code;
  }
}

// The legacy codes whose names are no longer used as error names still have their constants (WebIDL, workerd).
const RETIRED_CODES = { DOMSTRING_SIZE_ERR: 2, NO_DATA_ALLOWED_ERR: 6, INUSE_ATTRIBUTE_ERR: 10, VALIDATION_ERR: 16 };
const CONSTANTS = { ...RETIRED_CODES };
for (const [name, code] of Object.entries(LEGACY_CODES)) {
  const constant = name === 'URLMismatchError' ? 'URL_MISMATCH_ERR' : name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
  CONSTANTS[constant] = code;
}
for (const [constant, code] of Object.entries(CONSTANTS)) {
  Object.defineProperty(DOMException, constant, { value: code, enumerable: true });
  Object.defineProperty(DOMException.prototype, constant, { value: code, enumerable: true });
}

// Stack frames of the prelude are noise in a worker's log (workerd does not show its internals either).
const INTERNAL_FRAME = /\n\s+at [^\n]*outpost:internal\/[^\n]*/g;

/** The text the log gets for a thrown value: the stack of an Error, else a string form. */
export function describeError(e) {
  if (e instanceof Error) {
    const stack = typeof e.stack === 'string' ? e.stack.replace(INTERNAL_FRAME, '') : e.stack;
    const head = `${e.name}: ${e.message}`;
    if (typeof stack === 'string' && stack.length > 0) {
      return stack.startsWith(head) || !e.message ? stack : `${head}\n${stack}`;
    }
    return head;
  }
  try {
    return typeof e === 'string' ? e : JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/** Throws Cloudflare's error for an operation that needs a request (I/O, timers, random values). */
export function assertInRequest() {
  if (scope.global) {
    throw new Error(
      'Disallowed operation called within global scope. Asynchronous I/O (ex: fetch() or connect()), ' +
      'setting a timeout, and generating random values are not allowed within global scope. To fix this ' +
      'error, perform this operation within a handler. ' +
      'https://developers.cloudflare.com/workers/runtime-apis/handlers/');
  }
}

/** Rejects calls of a method on a wrong receiver, like the platform's "Illegal invocation". */
export function illegalInvocation() {
  return new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
}
