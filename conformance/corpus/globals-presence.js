// RT-6 the Web platform globals a worker can rely on exist with the expected kinds
const names = ['Request', 'Response', 'Headers', 'URL', 'URLSearchParams', 'URLPattern', 'ReadableStream', 'WritableStream',
  'TransformStream', 'TextEncoder', 'TextDecoder', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream', 'DecompressionStream',
  'CountQueuingStrategy', 'ByteLengthQueuingStrategy', 'atob', 'btoa', 'crypto', 'structuredClone', 'setTimeout', 'setInterval',
  'clearTimeout', 'clearInterval', 'queueMicrotask', 'AbortController', 'AbortSignal', 'Blob', 'File', 'FormData', 'Event',
  'EventTarget', 'CustomEvent', 'DOMException', 'console', 'performance', 'navigator', 'self', 'CryptoKey', 'SubtleCrypto', 'Crypto',
  'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'WritableStreamDefaultWriter', 'IdentityTransformStream', 'scheduler'];
export default {
  fetch() {
    const kinds = Object.fromEntries(names.map((n) => [n, typeof globalThis[n]]));
    return Response.json({ kinds, absent: ['XMLHttpRequest', 'localStorage', 'process', 'require', 'window'].filter((n) => typeof globalThis[n] === 'undefined') });
  },
};
