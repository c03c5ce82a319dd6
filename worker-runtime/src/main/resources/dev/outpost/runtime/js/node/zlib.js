// RT-6 node:zlib under nodejs_compat: deflate/inflate, gzip/gunzip, deflateRaw/inflateRaw and unzip as *Sync
// functions, callback functions and Transform streams (createGzip(), ...), crc32, constants and codes, as workerd
// exposes them. The work runs in the host's zlib streams (api/ZlibHost: the JDK's Deflater/Inflater, the same
// zlib as workerd, so compressed bytes match). Not available: Brotli and Zstandard (the JDK has neither):
// their functions and classes throw ERR_METHOD_NOT_IMPLEMENTED; windowBits/memLevel other than the defaults and
// the Z_RLE/Z_FIXED strategies are accepted but compress as the defaults do.

import { host } from '../host.js';
import { Buffer } from './buffer.js';
import { Transform } from './stream.js';

export const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0,
  Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4,
  Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9,
  Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0,
  ZLIB_VERNUM: 5120, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: 134217728, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9,
  Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, BROTLI_OPERATION_PROCESS: 0,
  BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_PARAM_MODE: 0,
  BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1,
  BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2,
  BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30,
  BROTLI_DEFAULT_WINDOW: 22, BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16,
  BROTLI_MAX_INPUT_BLOCK_BITS: 24, BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5,
  BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0,
  BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
  BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1,
  BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31, ZSTD_ENCODE: 10, ZSTD_DECODE: 11, ZSTD_COMPRESS: 10, ZSTD_DECOMPRESS: 11,
  ZSTD_e_continue: 0, ZSTD_e_flush: 1, ZSTD_e_end: 2, ZSTD_c_compressionLevel: 100, ZSTD_c_windowLog: 101,
  ZSTD_c_hashLog: 102, ZSTD_c_chainLog: 103, ZSTD_c_searchLog: 104, ZSTD_c_minMatch: 105, ZSTD_c_targetLength: 106,
  ZSTD_c_strategy: 107, ZSTD_c_enableLongDistanceMatching: 160, ZSTD_c_ldmHashLog: 161, ZSTD_c_ldmMinMatch: 162,
  ZSTD_c_ldmBucketSizeLog: 163, ZSTD_c_ldmHashRateLog: 164, ZSTD_c_contentSizeFlag: 200, ZSTD_c_checksumFlag: 201,
  ZSTD_c_dictIDFlag: 202, ZSTD_c_nbWorkers: 400, ZSTD_c_jobSize: 401, ZSTD_c_overlapLog: 402,
  ZSTD_d_windowLogMax: 100, ZSTD_fast: 1, ZSTD_dfast: 2, ZSTD_greedy: 3, ZSTD_lazy: 4, ZSTD_lazy2: 5,
  ZSTD_btlazy2: 6, ZSTD_btopt: 7, ZSTD_btultra: 8, ZSTD_btultra2: 9, ZSTD_CLEVEL_DEFAULT: 3, ZSTD_error_no_error: 0,
  ZSTD_error_GENERIC: 1, ZSTD_error_prefix_unknown: 10, ZSTD_error_version_unsupported: 12,
  ZSTD_error_frameParameter_unsupported: 14, ZSTD_error_frameParameter_windowTooLarge: 16,
  ZSTD_error_corruption_detected: 20, ZSTD_error_checksum_wrong: 22, ZSTD_error_literals_headerWrong: 24,
  ZSTD_error_dictionary_corrupted: 30, ZSTD_error_dictionary_wrong: 32, ZSTD_error_dictionaryCreation_failed: 34,
  ZSTD_error_parameter_unsupported: 40, ZSTD_error_parameter_combination_unsupported: 41,
  ZSTD_error_parameter_outOfBound: 42, ZSTD_error_tableLog_tooLarge: 44, ZSTD_error_maxSymbolValue_tooLarge: 46,
  ZSTD_error_maxSymbolValue_tooSmall: 48, ZSTD_error_stabilityCondition_notRespected: 50, ZSTD_error_stage_wrong: 60,
  ZSTD_error_init_missing: 62, ZSTD_error_memory_allocation: 64, ZSTD_error_workSpace_tooSmall: 66,
  ZSTD_error_dstSize_tooSmall: 70, ZSTD_error_srcSize_wrong: 72, ZSTD_error_dstBuffer_null: 74,
  ZSTD_error_noForwardProgress_destFull: 80, ZSTD_error_noForwardProgress_inputEmpty: 82,
};
export const {
  Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK, Z_OK, Z_STREAM_END, Z_NEED_DICT,
  Z_ERRNO, Z_STREAM_ERROR, Z_DATA_ERROR, Z_MEM_ERROR, Z_BUF_ERROR, Z_VERSION_ERROR, Z_NO_COMPRESSION, Z_BEST_SPEED,
  Z_BEST_COMPRESSION, Z_DEFAULT_COMPRESSION, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED, Z_DEFAULT_STRATEGY,
  ZLIB_VERNUM, DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
  Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS, Z_MIN_CHUNK, Z_MAX_CHUNK, Z_DEFAULT_CHUNK,
  Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL, Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_LEVEL,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
  BROTLI_PARAM_MODE, BROTLI_MODE_GENERIC, BROTLI_MODE_TEXT, BROTLI_MODE_FONT, BROTLI_DEFAULT_MODE,
  BROTLI_PARAM_QUALITY, BROTLI_MIN_QUALITY, BROTLI_MAX_QUALITY, BROTLI_DEFAULT_QUALITY, BROTLI_PARAM_LGWIN,
  BROTLI_MIN_WINDOW_BITS, BROTLI_MAX_WINDOW_BITS, BROTLI_LARGE_MAX_WINDOW_BITS, BROTLI_DEFAULT_WINDOW,
  BROTLI_PARAM_LGBLOCK, BROTLI_MIN_INPUT_BLOCK_BITS, BROTLI_MAX_INPUT_BLOCK_BITS,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING, BROTLI_PARAM_SIZE_HINT, BROTLI_PARAM_LARGE_WINDOW,
  BROTLI_PARAM_NPOSTFIX, BROTLI_PARAM_NDIRECT, BROTLI_DECODER_RESULT_ERROR, BROTLI_DECODER_RESULT_SUCCESS,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION, BROTLI_DECODER_PARAM_LARGE_WINDOW, BROTLI_DECODER_NO_ERROR,
  BROTLI_DECODER_SUCCESS, BROTLI_DECODER_NEEDS_MORE_INPUT, BROTLI_DECODER_NEEDS_MORE_OUTPUT,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE, BROTLI_DECODER_ERROR_FORMAT_RESERVED,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS, BROTLI_DECODER_ERROR_FORMAT_PADDING_1,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2, BROTLI_DECODER_ERROR_FORMAT_DISTANCE,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES,
  BROTLI_DECODER_ERROR_UNREACHABLE, ZSTD_ENCODE, ZSTD_DECODE, ZSTD_COMPRESS, ZSTD_DECOMPRESS, ZSTD_e_continue,
  ZSTD_e_flush, ZSTD_e_end, ZSTD_c_compressionLevel, ZSTD_c_windowLog, ZSTD_c_hashLog, ZSTD_c_chainLog,
  ZSTD_c_searchLog, ZSTD_c_minMatch, ZSTD_c_targetLength, ZSTD_c_strategy, ZSTD_c_enableLongDistanceMatching,
  ZSTD_c_ldmHashLog, ZSTD_c_ldmMinMatch, ZSTD_c_ldmBucketSizeLog, ZSTD_c_ldmHashRateLog, ZSTD_c_contentSizeFlag,
  ZSTD_c_checksumFlag, ZSTD_c_dictIDFlag, ZSTD_c_nbWorkers, ZSTD_c_jobSize, ZSTD_c_overlapLog, ZSTD_d_windowLogMax,
  ZSTD_fast, ZSTD_dfast, ZSTD_greedy, ZSTD_lazy, ZSTD_lazy2, ZSTD_btlazy2, ZSTD_btopt, ZSTD_btultra, ZSTD_btultra2,
  ZSTD_CLEVEL_DEFAULT, ZSTD_error_no_error, ZSTD_error_GENERIC, ZSTD_error_prefix_unknown,
  ZSTD_error_version_unsupported, ZSTD_error_frameParameter_unsupported, ZSTD_error_frameParameter_windowTooLarge,
  ZSTD_error_corruption_detected, ZSTD_error_checksum_wrong, ZSTD_error_literals_headerWrong,
  ZSTD_error_dictionary_corrupted, ZSTD_error_dictionary_wrong, ZSTD_error_dictionaryCreation_failed,
  ZSTD_error_parameter_unsupported, ZSTD_error_parameter_combination_unsupported, ZSTD_error_parameter_outOfBound,
  ZSTD_error_tableLog_tooLarge, ZSTD_error_maxSymbolValue_tooLarge, ZSTD_error_maxSymbolValue_tooSmall,
  ZSTD_error_stabilityCondition_notRespected, ZSTD_error_stage_wrong, ZSTD_error_init_missing,
  ZSTD_error_memory_allocation, ZSTD_error_workSpace_tooSmall, ZSTD_error_dstSize_tooSmall, ZSTD_error_srcSize_wrong,
  ZSTD_error_dstBuffer_null, ZSTD_error_noForwardProgress_destFull, ZSTD_error_noForwardProgress_inputEmpty
} = constants;

export const codes = Object.freeze({
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4,
  Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  0: 'Z_OK', 1: 'Z_STREAM_END', 2: 'Z_NEED_DICT', '-1': 'Z_ERRNO', '-2': 'Z_STREAM_ERROR', '-3': 'Z_DATA_ERROR',
  '-4': 'Z_MEM_ERROR', '-5': 'Z_BUF_ERROR', '-6': 'Z_VERSION_ERROR',
});

// Node's mode numbers (constants.DEFLATE ... UNZIP), shared with ZlibStream.java
const MODES = { Deflate: 1, Inflate: 2, Gzip: 3, Gunzip: 4, DeflateRaw: 5, InflateRaw: 6, Unzip: 7 };

function inputBytes(data, fn = 'zlibSync') {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`Failed to execute '${fn}' on 'ZlibUtil': parameter 1 is not of type 'string or ArrayBuffer or ArrayBufferView'.`);
}

function checkRange(options, name, min, max) {
  const value = options[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    const e = new TypeError(`The "options.${name}" property must be of type number. Received ${typeof value}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (value < min || value > max) {
    throw new RangeError(`The value of "options.${name}" is out of range. It must be >= ${min} and <= ${max}. Received ${value}`);
  }
  return value;
}

/** The host arguments for one stream: mode, level, strategy, dictionary, maxOutputLength. */
function settings(mode, options) {
  options = options ?? {};
  if (typeof options !== 'object') {
    throw new TypeError('The "options" argument must be of type object.');
  }
  checkRange(options, 'chunkSize', constants.Z_MIN_CHUNK, Infinity);
  checkRange(options, 'windowBits', mode === MODES.Deflate || mode === MODES.Gzip || mode === MODES.DeflateRaw
    ? constants.Z_MIN_WINDOWBITS : 0, constants.Z_MAX_WINDOWBITS);
  checkRange(options, 'memLevel', constants.Z_MIN_MEMLEVEL, constants.Z_MAX_MEMLEVEL);
  const level = checkRange(options, 'level', constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL) ?? -1;
  const strategy = checkRange(options, 'strategy', constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED) ?? 0;
  const maxOutputLength = checkRange(options, 'maxOutputLength', 1, 2 ** 53 - 1);
  let dictionary;
  if (options.dictionary !== undefined) dictionary = inputBytes(options.dictionary).slice().buffer;
  return [mode, level, strategy, dictionary, maxOutputLength];
}

/** A host error answer [message, code] as workerd's synchronous/callback error: a plain Error (no code). */
function syncError([message]) {
  return message === 'Memory limit exceeded' ? new RangeError(message) : new Error(message);
}

/** A stream error as Node's zlib handle reports it: code and errno set. */
function streamError([message, code]) {
  if (message === 'Memory limit exceeded') return new RangeError(message);
  const e = new Error(message);
  e.code = code;
  e.name = 'Error';
  if (codes[code] !== undefined) e.errno = codes[code];
  return e;
}

function runSync(mode, data, options) {
  const bytes = inputBytes(data);
  const result = host.zlibSync(...settings(mode, options), false, bytes);
  if (Array.isArray(result)) throw syncError(result);
  const buffer = Buffer.from(result);
  if (options?.info) return { engine: new ZLIB_CLASSES[mode](options), buffer };
  return buffer;
}

function runAsync(mode, data, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  if (typeof callback !== 'function') {
    const e = new TypeError(`The "callback" argument must be of type function. Received ${typeof callback}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  let result;
  let error = null;
  try {
    result = runSync(mode, data, options);
  } catch (e) {
    error = e;
  }
  queueMicrotask(() => (error ? callback(error) : callback(null, result)));
}

/** A zlib Transform stream: every write goes through the host stream at once; end() finishes it. */
class ZlibBase extends Transform {
  #id;
  #mode;

  constructor(mode, options) {
    super(options);
    this.#mode = mode;
    this.#id = host.zlibOpen(...settings(mode, options));
    this.bytesWritten = 0;
  }

  #run(bytes, flush) {
    const result = host.zlibWrite(this.#id, bytes, flush);
    if (Array.isArray(result)) return { error: streamError(result) };
    return { out: result.byteLength > 0 ? Buffer.from(result) : null };
  }

  _transform(chunk, encoding, callback) {
    const bytes = inputBytes(chunk, 'write');
    this.bytesWritten += bytes.byteLength;
    const { error, out } = this.#run(bytes, constants.Z_NO_FLUSH);
    if (error) callback(error);
    else callback(null, out ?? undefined);
  }

  _flush(callback) {
    const { error, out } = this.#run(new Uint8Array(0), constants.Z_FINISH);
    if (error) {
      this.destroy(error);
      return;
    }
    callback(null, out ?? undefined);
  }

  /** Node's flush([kind], callback): emits what the compressor holds (Z_FULL_FLUSH by default). */
  flush(kind, callback) {
    if (typeof kind === 'function' || kind === undefined) {
      callback = kind;
      kind = constants.Z_FULL_FLUSH;
    }
    const { error, out } = this.#run(new Uint8Array(0), kind);
    if (error) this.destroy(error);
    else if (out) this.push(out);
    if (callback) queueMicrotask(() => callback());
  }

  params(level, strategy, callback) {
    throw notImplemented('zlib.params');
  }

  reset() {
    host.zlibClose(this.#id);
    this.#id = host.zlibOpen(...settings(this.#mode, {}));
  }

  close(callback) {
    host.zlibClose(this.#id);
    if (callback) queueMicrotask(callback);
    this.destroy();
  }

  _destroy(error, done) {
    host.zlibClose(this.#id);
    done(error);
  }
}

export class Deflate extends ZlibBase { constructor(options) { super(MODES.Deflate, options); } }
export class Inflate extends ZlibBase { constructor(options) { super(MODES.Inflate, options); } }
export class Gzip extends ZlibBase { constructor(options) { super(MODES.Gzip, options); } }
export class Gunzip extends ZlibBase { constructor(options) { super(MODES.Gunzip, options); } }
export class DeflateRaw extends ZlibBase { constructor(options) { super(MODES.DeflateRaw, options); } }
export class InflateRaw extends ZlibBase { constructor(options) { super(MODES.InflateRaw, options); } }
export class Unzip extends ZlibBase { constructor(options) { super(MODES.Unzip, options); } }

const ZLIB_CLASSES = { 1: Deflate, 2: Inflate, 3: Gzip, 4: Gunzip, 5: DeflateRaw, 6: InflateRaw, 7: Unzip };

function notImplemented(what) {
  const e = new Error(`${what} is not supported on Outpost: Brotli and Zstandard are not available (use gzip or deflate)`);
  e.code = 'ERR_METHOD_NOT_IMPLEMENTED';
  return e;
}

function unsupportedClass(name) {
  return class extends Transform {
    constructor() {
      super();
      throw notImplemented(`zlib.${name}`);
    }
  };
}

export const BrotliCompress = unsupportedClass('BrotliCompress');
export const BrotliDecompress = unsupportedClass('BrotliDecompress');
export const ZstdCompress = unsupportedClass('ZstdCompress');
export const ZstdDecompress = unsupportedClass('ZstdDecompress');

function unsupported(name) {
  return () => {
    throw notImplemented(`zlib.${name}`);
  };
}

export const createBrotliCompress = unsupported('createBrotliCompress');
export const createBrotliDecompress = unsupported('createBrotliDecompress');
export const createZstdCompress = unsupported('createZstdCompress');
export const createZstdDecompress = unsupported('createZstdDecompress');
export const brotliCompress = unsupported('brotliCompress');
export const brotliCompressSync = unsupported('brotliCompressSync');
export const brotliDecompress = unsupported('brotliDecompress');
export const brotliDecompressSync = unsupported('brotliDecompressSync');
export const zstdCompress = unsupported('zstdCompress');
export const zstdCompressSync = unsupported('zstdCompressSync');
export const zstdDecompress = unsupported('zstdDecompress');
export const zstdDecompressSync = unsupported('zstdDecompressSync');

export const createDeflate = (options) => new Deflate(options);
export const createInflate = (options) => new Inflate(options);
export const createGzip = (options) => new Gzip(options);
export const createGunzip = (options) => new Gunzip(options);
export const createDeflateRaw = (options) => new DeflateRaw(options);
export const createInflateRaw = (options) => new InflateRaw(options);
export const createUnzip = (options) => new Unzip(options);

export const deflateSync = (data, options) => runSync(MODES.Deflate, data, options);
export const inflateSync = (data, options) => runSync(MODES.Inflate, data, options);
export const gzipSync = (data, options) => runSync(MODES.Gzip, data, options);
export const gunzipSync = (data, options) => runSync(MODES.Gunzip, data, options);
export const deflateRawSync = (data, options) => runSync(MODES.DeflateRaw, data, options);
export const inflateRawSync = (data, options) => runSync(MODES.InflateRaw, data, options);
export const unzipSync = (data, options) => runSync(MODES.Unzip, data, options);

export const deflate = (data, options, callback) => runAsync(MODES.Deflate, data, options, callback);
export const inflate = (data, options, callback) => runAsync(MODES.Inflate, data, options, callback);
export const gzip = (data, options, callback) => runAsync(MODES.Gzip, data, options, callback);
export const gunzip = (data, options, callback) => runAsync(MODES.Gunzip, data, options, callback);
export const deflateRaw = (data, options, callback) => runAsync(MODES.DeflateRaw, data, options, callback);
export const inflateRaw = (data, options, callback) => runAsync(MODES.InflateRaw, data, options, callback);
export const unzip = (data, options, callback) => runAsync(MODES.Unzip, data, options, callback);

// CRC-32 (IEEE, zlib's crc32()), continuing from `value`: the JDK's CRC32 cannot start from a given value.
const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

export function crc32(data, value = 0) {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : inputBytes(data, 'crc32');
  if (typeof value !== 'number') {
    const e = new TypeError(`The "value" argument must be of type number. Received ${typeof value}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  let c = ~value;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export default {
  crc32, codes, constants, ...constants, Gzip, Gunzip, Deflate, DeflateRaw, Inflate, InflateRaw, Unzip,
  BrotliCompress, BrotliDecompress, ZstdCompress, ZstdDecompress, createGzip, createGunzip, createDeflate,
  createDeflateRaw, createInflate, createInflateRaw, createUnzip, createBrotliCompress, createBrotliDecompress,
  createZstdCompress, createZstdDecompress, inflate, inflateSync, deflate, deflateSync, inflateRaw, inflateRawSync,
  deflateRaw, deflateRawSync, gzip, gzipSync, gunzip, gunzipSync, unzip, unzipSync, brotliDecompress,
  brotliDecompressSync, brotliCompress, brotliCompressSync, zstdCompress, zstdCompressSync, zstdDecompress,
  zstdDecompressSync,
};
