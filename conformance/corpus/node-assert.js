// RT-6 node:assert under nodejs_compat: passing and failing assertions, AssertionError code/operator, throws/rejects matching
// compatibility-flags: nodejs_compat
import assert, { AssertionError, strictEqual, deepStrictEqual } from 'node:assert';
import strict from 'node:assert/strict';

function outcome(fn) {
  try {
    fn();
    return 'pass';
  } catch (e) {
    return [e.name, e.code, e.operator, e instanceof AssertionError, e.generatedMessage];
  }
}

export default {
  async fetch() {
    const results = {
      ok: [outcome(() => assert(1)), outcome(() => assert.ok(0)), outcome(() => assert(false, 'custom'))],
      equal: [outcome(() => assert.equal(1, '1')), outcome(() => assert.equal(1, 2)), outcome(() => strictEqual(1, '1')),
        outcome(() => assert.notStrictEqual(1, 2)), outcome(() => assert.notEqual(1, '1'))],
      deep: [outcome(() => deepStrictEqual({ a: [1] }, { a: [1] })), outcome(() => deepStrictEqual({ a: 1 }, { a: '1' })),
        outcome(() => assert.deepEqual({ a: 1 }, { a: '1' })), outcome(() => assert.notDeepStrictEqual([1], [2])),
        outcome(() => strict.equal(1, '1')), outcome(() => strict.deepEqual({ a: 1 }, { a: '1' }))],
      throws: [outcome(() => assert.throws(() => { throw new TypeError('t'); }, TypeError)),
        outcome(() => assert.throws(() => { throw new TypeError('t'); }, /t/)),
        outcome(() => assert.throws(() => { throw new TypeError('msg'); }, { name: 'TypeError', message: 'msg' })),
        outcome(() => assert.throws(() => {})), outcome(() => assert.doesNotThrow(() => {})),
        outcome(() => assert.throws(() => { throw new Error('x'); }, (e) => e.message === 'x'))],
      match: [outcome(() => assert.match('abc', /b/)), outcome(() => assert.match('abc', /z/)), outcome(() => assert.ifError(null))],
      fail: outcome(() => assert.fail('nope')),
      message: (() => { try { assert.strictEqual(1, 2, 'my message'); } catch (e) { return e.message; } })(),
      customError: (() => { try { assert.ok(false, new RangeError('own')); } catch (e) { return [e.name, e.message]; } })(),
      rejects: [await assert.rejects(Promise.reject(new Error('r')), /r/).then(() => 'pass', (e) => e.code),
        await assert.rejects(Promise.resolve(1)).then(() => 'pass', (e) => [e.code, e.operator]),
        await assert.doesNotReject(async () => 1).then(() => 'pass', (e) => e.code)],
    };
    return Response.json(results);
  },
};
