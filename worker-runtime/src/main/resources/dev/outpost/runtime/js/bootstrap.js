// Entry of the prelude: installs the Web platform globals and hands the host its entry points. Java calls
// install(host) once per isolate, before any worker module is evaluated.

import { setHost } from './host.js';
import { DOMException, describeError } from './errors.js';
import { TextEncoder, TextDecoder, atob, btoa } from './encoding.js';
import { Headers } from './headers.js';
import { URL, URLSearchParams } from './url.js';
import { URLPattern } from './urlpattern.js';
import { Request } from './request.js';
import { Response } from './response.js';
import { WebSocket, WebSocketPair, MessageEvent, CloseEvent, ErrorEvent } from './websocket.js';
import { console, reportError } from './console.js';
import { setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask, runTimer, dropTimer } from './timers.js';
import { crypto, Crypto, SubtleCrypto, CryptoKey } from './crypto.js';
import { Event, EventTarget, CustomEvent, AbortController, AbortSignal, scheduler } from './events.js';
import { Blob, File } from './blob.js';
import { FormData } from './formdata.js';
import {
  ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamDefaultController, WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController, TransformStream, TransformStreamDefaultController, IdentityTransformStream, FixedLengthStream,
  TextEncoderStream, TextDecoderStream, CountQueuingStrategy, ByteLengthQueuingStrategy,
} from './streams.js';
import { CompressionStream, DecompressionStream } from './compression.js';
import { structuredClone } from './structured-clone.js';
import { settle, forget } from './async.js';
import * as nodeBuffer from './node/buffer.js';
import * as nodeProcess from './node/process.js';
import { defineBinding } from './env.js';
import { KvNamespace } from './kv.js';
import { dispatchFetch, dispatchScheduled, dispatchCall } from './dispatch.js';
import { dispatchQueue } from './queue-consumer.js';
import { registerWorker, prepareServiceWorker, ExecutionContext } from './handlers.js';
import { addEventListener, removeEventListener, FetchEvent, ScheduledEvent, ScheduledController } from './service-worker.js';
import { Fetcher } from './service.js';
import { defineCommonJs, commonJsNamespace } from './commonjs.js';
import { pullStream, cancelStream } from './hoststreams.js';
import { fetch } from './fetch.js';
import { setCompatibilityFlags } from './compat.js';
import { caches, Cache, CacheStorage } from './cache.js';
import { HTMLRewriter } from './html-rewriter.js';
import { restrictWebAssembly } from './wasm.js';

// As workerd: timeOrigin is 0, so performance.now() reads the same (I/O-advanced) clock as Date.now().
class Performance {
  get timeOrigin() {
    return 0;
  }

  now() {
    return Date.now();
  }
}

class Navigator {
  get userAgent() {
    return 'Cloudflare-Workers';
  }

  get hardwareConcurrency() {
    return 1;
  }
}

function define(name, value, enumerable = false) {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
}

function defineNodeGlobals() {
  define('Buffer', nodeBuffer.Buffer);
  define('process', nodeProcess.default);
  define('global', globalThis);
  define('setImmediate', (callback, ...args) => setTimeout(callback, 0, ...args), true);
  define('clearImmediate', (id) => clearTimeout(id), true);
  const loaded = { buffer: nodeBuffer, process: nodeProcess.default };
  nodeProcess.setBuiltinLoader((id) => loaded[id.startsWith('node:') ? id.slice(5) : id]);
}

export function install(host, compatibilityJson) {
  setHost(host);
  // RT-12: the version's resolved flags (a JSON object of every known flag name to true/false)
  const flags = setCompatibilityFlags(compatibilityJson);
  const classes = {
    DOMException, TextEncoder, TextDecoder, Headers, URL, URLSearchParams, URLPattern, Request, Response, Crypto,
    SubtleCrypto, ExecutionContext, KvNamespace, Performance, Navigator, FetchEvent, ScheduledEvent,
    ScheduledController, Fetcher,
  };
  for (const [name, value] of Object.entries(classes)) define(name, value);
  const webClasses = {
    CryptoKey, Event, EventTarget, CustomEvent, AbortController, AbortSignal, Blob, File, FormData, ReadableStream,
    ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamDefaultController, WritableStream, WritableStreamDefaultWriter,
    WritableStreamDefaultController, TransformStream, TransformStreamDefaultController, IdentityTransformStream, FixedLengthStream,
    TextEncoderStream, TextDecoderStream, CountQueuingStrategy, ByteLengthQueuingStrategy, CompressionStream,
    DecompressionStream, WebSocket, WebSocketPair, MessageEvent, CloseEvent, ErrorEvent,
  };
  for (const [name, value] of Object.entries(webClasses)) define(name, value);
  define('scheduler', scheduler, true);
  define('HTMLRewriter', HTMLRewriter);
  const functions = {
    atob, btoa, fetch, addEventListener, removeEventListener, setTimeout, setInterval, clearTimeout, clearInterval,
    queueMicrotask, structuredClone, reportError,
  };
  for (const [name, value] of Object.entries(functions)) define(name, value, true);
  define('console', console);
  define('crypto', crypto, true);
  define('performance', new Performance(), true);
  // RT-12: global_navigator (on from 2022-03-21); without it workerd has no navigator global
  if (flags.global_navigator === true) define('navigator', new Navigator(), true);
  // RT-12: as workerd, a plain object whose compatibilityFlags is frozen
  define('Cloudflare', { compatibilityFlags: flags }, true);
  define('self', globalThis, true);
  // workerd's global scope has an opaque origin
  define('origin', 'null', true);
  // RT-12 enable_weak_ref (on from 2025-05-05): before it workerd has no WeakRef / FinalizationRegistry
  if (flags.enable_weak_ref !== true) {
    delete globalThis.WeakRef;
    delete globalThis.FinalizationRegistry;
  }
  // RT-6 nodejs_compat_v2 (implied by nodejs_compat from 2024-09-23): workerd's Node globals
  if (flags.nodejs_compat_v2 === true) defineNodeGlobals();
  define('caches', caches, true);
  define('Cache', Cache);
  define('CacheStorage', CacheStorage);
  const compileWasm = restrictWebAssembly();
  return Object.freeze({
    dispatchFetch,
    dispatchScheduled,
    dispatchCall,
    dispatchQueue,
    prepareServiceWorker,
    defineCommonJs,
    commonJsNamespace,
    settle,
    forget,
    runTimer,
    dropTimer,
    defineBinding,
    registerWorker,
    describeError,
    compileWasm,
    noop: () => undefined,
    pullStream,
    cancelStream,
  });
}
