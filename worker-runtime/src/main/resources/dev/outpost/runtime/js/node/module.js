// RT-6 node:module under nodejs_compat, as workerd provides it: builtinModules (workerd's list), isBuiltin, and
// createRequire() whose require() returns the built-in modules Outpost implements (node:buffer, node:events, ...,
// with or without the node: prefix); anything else is `No such module "…".`, as in workerd (a worker's bundle is
// fixed at upload, there is nothing to load from disk). The loader internals (_load, register, runMain, ...) throw
// ERR_METHOD_NOT_IMPLEMENTED.

import * as assert from './assert.js';
import * as assertStrict from './assert-strict.js';
import * as asyncHooks from './async_hooks.js';
import * as buffer from './buffer.js';
import * as crypto from './crypto.js';
import * as diagnosticsChannel from './diagnostics_channel.js';
import * as dns from './dns.js';
import * as dnsPromises from './dns-promises.js';
import * as events from './events.js';
import * as net from './net.js';
import * as path from './path.js';
import * as process from './process.js';
import * as querystring from './querystring.js';
import * as stream from './stream.js';
import * as streamConsumers from './stream-consumers.js';
import * as streamPromises from './stream-promises.js';
import * as streamWeb from './stream-web.js';
import * as stringDecoder from './string_decoder.js';
import * as timers from './timers.js';
import * as timersPromises from './timers-promises.js';
import * as tls from './tls.js';
import * as url from './url.js';
import * as util from './util.js';
import * as utilTypes from './util-types.js';
import * as zlib from './zlib.js';

export const builtinModules = Object.freeze(['_http_agent', '_http_client', '_http_common', '_http_incoming',
  '_http_outgoing', '_http_server', '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform',
  '_stream_wrap', '_stream_writable', '_tls_common', '_tls_wrap', 'assert', 'assert/strict', 'async_hooks', 'buffer',
  'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises',
  'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector', 'inspector/promises', 'module', 'net',
  'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring', 'readline',
  'readline/promises', 'repl', 'stream', 'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys',
  'timers', 'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi',
  'worker_threads', 'zlib']);

/** What require() returns: the namespaces of the built-ins Outpost implements, as workerd (module: below). */
const AVAILABLE = {
  assert, 'assert/strict': assertStrict, async_hooks: asyncHooks, buffer, crypto, diagnostics_channel: diagnosticsChannel,
  dns, 'dns/promises': dnsPromises, events, net, path, 'path/posix': path, process, querystring, stream,
  'stream/consumers': streamConsumers, 'stream/promises': streamPromises, 'stream/web': streamWeb,
  string_decoder: stringDecoder, sys: util, timers, 'timers/promises': timersPromises, tls, url, util,
  'util/types': utilTypes, zlib,
};

export function isBuiltin(name) {
  const s = String(name);
  return s.startsWith('node:') || builtinModules.includes(s);
}

function notImplemented(what) {
  const e = new Error(`Module.${what} is not implemented`);
  e.code = 'ERR_METHOD_NOT_IMPLEMENTED';
  return e;
}

export function createRequire(path) {
  const text = path instanceof URL ? path.href : path;
  if (typeof text !== 'string' || !(text.startsWith('/') || text.startsWith('file:'))) {
    const e = new TypeError(`The argument 'path' The argument must be a file URL object, a file URL string, or an absolute path string.. Received '${text}'`);
    e.code = 'ERR_INVALID_ARG_VALUE';
    throw e;
  }
  const require = (id) => {
    const name = String(id);
    const bare = name.startsWith('node:') ? name.slice(5) : name;
    const found = AVAILABLE[bare];
    if (found !== undefined) return found;
    if (builtinModules.includes(bare)) throw new Error(`No such module "node:${bare}".`);
    throw new Error(`No such module "${name.replace(/^\.\//, '')}".`);
  };
  require.resolve = (id) => {
    const bare = String(id).replace(/^node:/, '');
    if (AVAILABLE[bare] !== undefined) return `node:${bare}`;
    throw new Error(`No such module "${id}".`);
  };
  require.cache = Object.create(null);
  return require;
}

/** Node's Module constructor, as a function with the static members (the default export, as in workerd). */
export function Module(id = '', parent) {
  this.id = id;
  this.parent = parent;
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = [];
}

export class SourceMap {
  constructor(payload) {
    this.payload = payload;
  }
}

export const _cache = Object.create(null);
export const _pathCache = Object.create(null);
export const _extensions = Object.create(null);
export const globalPaths = [];
export const constants = Object.freeze({ compileCacheStatus: Object.freeze({ FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 }) });
export const _debug = () => undefined;
export const _initPaths = () => undefined;
export const _preloadModules = () => undefined;
export const _nodeModulePaths = () => [];
export const _resolveLookupPaths = () => null;
export const _findPath = () => false;
export const syncBuiltinESMExports = () => undefined;
export const enableCompileCache = () => ({ status: constants.compileCacheStatus.DISABLED });
export const flushCompileCache = () => undefined;
export const getCompileCacheDir = () => undefined;
export const getSourceMapsSupport = () => ({ enabled: false, nodeModules: false, generatedCode: false });
export const setSourceMapsSupport = () => undefined;
export const findSourceMap = () => undefined;
export const findPackageJSON = () => undefined;
export const wrap = (script) => `(function (exports, require, module, __filename, __dirname) { ${script}\n});`;
export const _load = (request) => createRequire('/')(request);
export const _resolveFilename = (request) => createRequire('/').resolve(request);
export const register = () => {
  throw notImplemented('register');
};
export const registerHooks = () => {
  throw notImplemented('registerHooks');
};
export const runMain = () => {
  throw notImplemented('runMain');
};
export const stripTypeScriptTypes = () => {
  throw notImplemented('stripTypeScriptTypes');
};

Object.assign(Module, {
  Module, SourceMap, _cache, _debug, _extensions, _findPath, _initPaths, _load, _nodeModulePaths, _pathCache,
  _preloadModules, _resolveFilename, _resolveLookupPaths, builtinModules, constants, createRequire,
  enableCompileCache, findPackageJSON, findSourceMap, flushCompileCache, getCompileCacheDir, getSourceMapsSupport,
  globalPaths, isBuiltin, register, registerHooks, runMain, setSourceMapsSupport, stripTypeScriptTypes,
  syncBuiltinESMExports, wrap,
});
AVAILABLE.module = { Module, default: Module, builtinModules, createRequire, isBuiltin };

export default Module;
