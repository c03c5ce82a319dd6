// RT-6 node:assert (and node:assert/strict) under nodejs_compat: Node's assertion functions throwing
// AssertionError (code ERR_ASSERTION). Messages follow Node's short forms; Node's diffs are not reproduced.

import { isDeepStrictEqual, isDeepEqual } from './deep-equal.js';
import { inspect } from './util.js';

export class AssertionError extends Error {
  constructor(options = {}) {
    const { message, actual, expected, operator } = options;
    super(message !== undefined ? String(message) : `${inspect(actual)} ${operator} ${inspect(expected)}`);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    this.generatedMessage = message === undefined;
  }
}

function fail_(actual, expected, message, operator, defaultMessage) {
  if (message instanceof Error) throw message;
  const e = new AssertionError({ message: message ?? defaultMessage, actual, expected, operator });
  // as workerd reports it: true only for the deep comparisons' own messages
  e.generatedMessage = message === undefined && /^(not)?deep/i.test(operator);
  throw e;
}

function innerOk(value, message, argCount) {
  if (!value) {
    const msg = argCount === 0 ? 'No value argument passed to `assert.ok()`'
      : message ?? 'The expression evaluated to a falsy value';
    // workerd wraps an Error message into the AssertionError's message (Node would throw the Error itself)
    const e = new AssertionError({ message: message instanceof Error ? String(message) : msg, actual: value, expected: true, operator: '==' });
    e.generatedMessage = message === undefined;
    throw e;
  }
}

export function ok(...args) {
  innerOk(args[0], args[1], args.length);
}

export function fail(message = 'Failed') {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message, operator: 'fail' });
}

function looseEqual(actual, expected, message) {
  // eslint-disable-next-line eqeqeq
  if (!(actual == expected || (actual !== actual && expected !== expected))) {
    fail_(actual, expected, message, '==', `${inspect(actual)} == ${inspect(expected)}`);
  }
}

function looseNotEqual(actual, expected, message) {
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (actual !== actual && expected !== expected)) {
    fail_(actual, expected, message, '!=', `${inspect(actual)} != ${inspect(expected)}`);
  }
}

export function strictEqual(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    fail_(actual, expected, message, 'strictEqual', `Expected values to be strictly equal:\n\n${inspect(actual)} !== ${inspect(expected)}\n`);
  }
}

export function notStrictEqual(actual, expected, message) {
  if (Object.is(actual, expected)) {
    fail_(actual, expected, message, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${inspect(expected)}`);
  }
}

function looseDeepEqual(actual, expected, message) {
  if (!isDeepEqual(actual, expected)) fail_(actual, expected, message, 'deepEqual', 'Expected values to be loosely deep-equal');
}

function looseNotDeepEqual(actual, expected, message) {
  if (isDeepEqual(actual, expected)) fail_(actual, expected, message, 'notDeepEqual', 'Expected "actual" not to be loosely deep-equal to "expected"');
}

export function deepStrictEqual(actual, expected, message) {
  if (!isDeepStrictEqual(actual, expected)) fail_(actual, expected, message, 'deepStrictEqual', 'Expected values to be strictly deep-equal');
}

export function notDeepStrictEqual(actual, expected, message) {
  if (isDeepStrictEqual(actual, expected)) fail_(actual, expected, message, 'notDeepStrictEqual', 'Expected "actual" not to be strictly deep-equal to "expected"');
}

export function partialDeepStrictEqual(actual, expected, message) {
  const partial = (a, e) => {
    if (typeof e !== 'object' || e === null) return Object.is(a, e);
    if (typeof a !== 'object' || a === null) return false;
    return Object.keys(e).every((k) => partial(a[k], e[k]));
  };
  if (!partial(actual, expected)) fail_(actual, expected, message, 'partialDeepStrictEqual', 'Expected values to be partially and strictly deep-equal');
}

export function match(string, regexp, message) {
  if (typeof string !== 'string' || !regexp.test(string)) {
    fail_(string, regexp, message, 'match', `The input did not match the regular expression ${regexp}. Input:\n\n${inspect(string)}\n`);
  }
}

export function doesNotMatch(string, regexp, message) {
  if (typeof string === 'string' && regexp.test(string)) {
    fail_(string, regexp, message, 'doesNotMatch', `The input was expected to not match the regular expression ${regexp}. Input:\n\n${inspect(string)}\n`);
  }
}

export function ifError(value) {
  if (value !== null && value !== undefined) {
    if (value instanceof Error) throw value;
    throw new AssertionError({ message: `ifError got unwanted exception: ${inspect(value)}`, actual: value, expected: null, operator: 'ifError' });
  }
}

/** Whether a thrown value satisfies throws()/rejects()'s `expected` (class, RegExp, validation function or object). */
function matches(err, expected, operator) {
  if (expected === undefined) return;
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof expected) return;
    if (Error.isPrototypeOf(expected) || expected === Error) {
      throw new AssertionError({ message: `The error is expected to be an instance of "${expected.name}". Received "${err?.constructor?.name}"`,
        actual: err, expected, operator });
    }
    if (expected.call({}, err) === true) return;
    throw new AssertionError({ message: 'The validation function is expected to return "true". Received false', actual: err, expected, operator });
  }
  if (expected instanceof RegExp) {
    if (expected.test(String(err))) return;
    throw new AssertionError({ message: `The input did not match the regular expression ${expected}. Input:\n\n${inspect(String(err))}\n`,
      actual: err, expected, operator });
  }
  if (typeof expected === 'object' && expected !== null) {
    for (const key of Object.keys(expected)) {
      const want = expected[key];
      const got = err?.[key];
      const same = want instanceof RegExp && typeof got === 'string' ? want.test(got) : isDeepStrictEqual(got, want);
      if (!same) {
        throw new AssertionError({ message: `Expected values to be strictly deep-equal:\n${key}: ${inspect(got)} !== ${inspect(want)}`,
          actual: err, expected, operator });
      }
    }
  }
}

const NO_EXCEPTION = Symbol('no exception');

export function throws(fn, expected, message) {
  if (typeof expected === 'string') {
    message = expected;
    expected = undefined;
  }
  let err = NO_EXCEPTION;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  if (err === NO_EXCEPTION) {
    fail_(undefined, expected, message, 'throws', `Missing expected exception${expected?.name ? ` (${expected.name})` : ''}${message ? `: ${message}` : '.'}`);
  }
  matches(err, expected, 'throws');
}

export function doesNotThrow(fn, expected, message) {
  try {
    fn();
  } catch (e) {
    fail_(e, expected, typeof expected === 'string' ? expected : message, 'doesNotThrow',
      `Got unwanted exception.\nActual message: "${e?.message}"`);
  }
}

export async function rejects(promiseOrFn, expected, message) {
  if (typeof expected === 'string') {
    message = expected;
    expected = undefined;
  }
  let err = NO_EXCEPTION;
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (e) {
    err = e;
  }
  if (err === NO_EXCEPTION) {
    fail_(undefined, expected, message, 'rejects', `Missing expected rejection${expected?.name ? ` (${expected.name})` : ''}${message ? `: ${message}` : '.'}`);
  }
  matches(err, expected, 'rejects');
}

export async function doesNotReject(promiseOrFn, expected, message) {
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (e) {
    fail_(e, expected, typeof expected === 'string' ? expected : message, 'doesNotReject',
      `Got unwanted rejection.\nActual message: "${e?.message}"`);
  }
}

function assert(...args) {
  innerOk(args[0], args[1], args.length);
}

// workerd's node:assert is strict throughout: equal/deepEqual are strictEqual/deepStrictEqual there. The loose
// comparisons stay available as Assert's legacy methods only.
export const equal = strictEqual;
export const notEqual = notStrictEqual;
export const deepEqual = deepStrictEqual;
export const notDeepEqual = notDeepStrictEqual;

const members = {
  AssertionError, ok, fail, equal, notEqual, strictEqual, notStrictEqual, deepEqual, notDeepEqual, deepStrictEqual,
  notDeepStrictEqual, partialDeepStrictEqual, match, doesNotMatch, ifError, throws, doesNotThrow, rejects, doesNotReject,
};
Object.assign(assert, members);

// assert.strict: the same functions with the loose ones mapped to their strict forms.
function strictAssert(...args) {
  innerOk(args[0], args[1], args.length);
}
Object.assign(strictAssert, members, { equal: strictEqual, notEqual: notStrictEqual, deepEqual: deepStrictEqual,
  notDeepEqual: notDeepStrictEqual });
strictAssert.strict = strictAssert;
assert.strict = strictAssert;

export const strict = strictAssert;

export class Assert {
  constructor(options) {
    Object.assign(this, members);
    if (options?.strict === false) {
      Object.assign(this, { equal: looseEqual, notEqual: looseNotEqual, deepEqual: looseDeepEqual, notDeepEqual: looseNotDeepEqual });
    }
  }
}

export default assert;
