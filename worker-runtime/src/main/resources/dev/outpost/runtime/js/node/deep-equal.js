// RT-6 Node's deep equality (util.isDeepStrictEqual, assert.deepEqual / deepStrictEqual) for plain data:
// primitives (Object.is when strict), arrays, plain objects (own enumerable keys), Date, RegExp, Map, Set, typed
// arrays, boxed primitives and errors; strict mode also compares prototypes.

function equal(a, b, strict, memo) {
  if (strict ? Object.is(a, b) : a == b || (a !== a && b !== b)) return true; // eslint-disable-line eqeqeq
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const tagA = Object.prototype.toString.call(a);
  if (tagA !== Object.prototype.toString.call(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const pair = memo.get(a);
  if (pair !== undefined && pair === b) return true;
  memo.set(a, b);
  if (a instanceof Date) {
    if (a.getTime() !== b.getTime()) return false;
  } else if (a instanceof RegExp) {
    if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (a instanceof Error) {
    if (a.message !== b.message || a.name !== b.name) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    if (!strict && !(a instanceof Uint8Array) && !(a instanceof DataView)) {
      for (let i = 0; i < a.length; i++) if (a[i] != b[i]) return false; // eslint-disable-line eqeqeq
    } else {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    }
    if (a instanceof Uint8Array || a instanceof DataView) return keysEqual(a, b, strict, memo, true);
  } else if (a instanceof ArrayBuffer) {
    if (a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a);
    const y = new Uint8Array(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  } else if (a instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (b.has(k)) {
        if (!equal(v, b.get(k), strict, memo)) return false;
      } else {
        let found = false;
        for (const [k2, v2] of b) {
          if (equal(k, k2, strict, memo) && equal(v, v2, strict, memo)) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
    }
  } else if (a instanceof Set) {
    if (a.size !== b.size) return false;
    for (const v of a) {
      if (b.has(v)) continue;
      if (typeof v !== 'object' || v === null) {
        if (strict) return false;
      }
      let found = false;
      for (const w of b) {
        if (equal(v, w, strict, memo)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
  } else if (['[object Number]', '[object String]', '[object Boolean]', '[object BigInt]', '[object Symbol]'].includes(tagA)) {
    if (!Object.is(a.valueOf(), b.valueOf())) return false;
  }
  return keysEqual(a, b, strict, memo, ArrayBuffer.isView(a));
}

function keysEqual(a, b, strict, memo, skipIndices) {
  const own = (o) => {
    let keys = Object.keys(o);
    if (skipIndices) keys = keys.filter((k) => !/^\d+$/.test(k));
    if (strict) keys = keys.concat(Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s)));
    return keys;
  };
  const ka = own(a);
  const kb = own(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
    if (!equal(a[k], b[k], strict, memo)) return false;
  }
  return true;
}

export function isDeepStrictEqual(a, b) {
  return equal(a, b, true, new Map());
}

export function isDeepEqual(a, b) {
  return equal(a, b, false, new Map());
}
