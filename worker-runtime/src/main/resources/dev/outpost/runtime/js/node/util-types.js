// RT-6 node:util/types under nodejs_compat: type checks done from the JS side (Object.prototype.toString tags
// and instanceof), as far as JS can tell.

const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
const typed = (name) => (v) => ArrayBuffer.isView(v) && !(v instanceof DataView) && v[Symbol.toStringTag] === name;
const AsyncFunction = (async () => {}).constructor;
const GeneratorFunction = (function* () {}).constructor;
const AsyncGeneratorFunction = (async function* () {}).constructor;

export const isAnyArrayBuffer = (v) => v instanceof ArrayBuffer || v instanceof SharedArrayBuffer;
export const isArrayBuffer = (v) => v instanceof ArrayBuffer;
export const isSharedArrayBuffer = (v) => v instanceof SharedArrayBuffer;
export const isArrayBufferView = (v) => ArrayBuffer.isView(v);
export const isArgumentsObject = (v) => tag(v) === 'Arguments';
export const isAsyncFunction = (v) => v instanceof AsyncFunction || v instanceof AsyncGeneratorFunction;
export const isGeneratorFunction = (v) => v instanceof GeneratorFunction || v instanceof AsyncGeneratorFunction;
export const isGeneratorObject = (v) => tag(v) === 'Generator';
export const isBigInt64Array = typed('BigInt64Array');
export const isBigUint64Array = typed('BigUint64Array');
export const isFloat16Array = typed('Float16Array');
export const isFloat32Array = typed('Float32Array');
export const isFloat64Array = typed('Float64Array');
export const isInt8Array = typed('Int8Array');
export const isInt16Array = typed('Int16Array');
export const isInt32Array = typed('Int32Array');
export const isUint8Array = typed('Uint8Array');
export const isUint8ClampedArray = typed('Uint8ClampedArray');
export const isUint16Array = typed('Uint16Array');
export const isUint32Array = typed('Uint32Array');
export const isTypedArray = (v) => ArrayBuffer.isView(v) && !(v instanceof DataView);
export const isDataView = (v) => v instanceof DataView;
export const isDate = (v) => v instanceof Date;
export const isMap = (v) => v instanceof Map;
export const isSet = (v) => v instanceof Set;
export const isWeakMap = (v) => v instanceof WeakMap;
export const isWeakSet = (v) => v instanceof WeakSet;
export const isMapIterator = (v) => tag(v) === 'Map Iterator';
export const isSetIterator = (v) => tag(v) === 'Set Iterator';
export const isPromise = (v) => v instanceof Promise;
export const isRegExp = (v) => v instanceof RegExp;
export const isNativeError = (v) => v instanceof Error;
export const isBooleanObject = (v) => typeof v === 'object' && v !== null && tag(v) === 'Boolean';
export const isNumberObject = (v) => typeof v === 'object' && v !== null && tag(v) === 'Number';
export const isStringObject = (v) => typeof v === 'object' && v !== null && tag(v) === 'String';
export const isSymbolObject = (v) => typeof v === 'object' && v !== null && tag(v) === 'Symbol';
export const isBigIntObject = (v) => typeof v === 'object' && v !== null && tag(v) === 'BigInt';
export const isBoxedPrimitive = (v) => isBooleanObject(v) || isNumberObject(v) || isStringObject(v) || isSymbolObject(v)
  || isBigIntObject(v);
export const isModuleNamespaceObject = (v) => typeof v === 'object' && v !== null && v[Symbol.toStringTag] === 'Module'
  && Object.getPrototypeOf(v) === null;
export const isCryptoKey = (v) => typeof CryptoKey === 'function' && v instanceof CryptoKey;
export const isKeyObject = () => false;
export const isExternal = () => false;
export const isProxy = () => false;

export default {
  isAnyArrayBuffer, isArrayBuffer, isSharedArrayBuffer, isArrayBufferView, isArgumentsObject, isAsyncFunction,
  isGeneratorFunction, isGeneratorObject, isBigInt64Array, isBigUint64Array, isFloat16Array, isFloat32Array,
  isFloat64Array, isInt8Array, isInt16Array, isInt32Array, isUint8Array, isUint8ClampedArray, isUint16Array,
  isUint32Array, isTypedArray, isDataView, isDate, isMap, isSet, isWeakMap, isWeakSet, isMapIterator, isSetIterator,
  isPromise, isRegExp, isNativeError, isBooleanObject, isNumberObject, isStringObject, isSymbolObject, isBigIntObject,
  isBoxedPrimitive, isModuleNamespaceObject, isCryptoKey, isKeyObject, isExternal, isProxy,
};
