// A minimal WHATWG streams implementation in JS (RT-6): ReadableStream (default readers, tee, pipeTo,
// pipeThrough, async iteration, ReadableStream.from), WritableStream, TransformStream, TextEncoderStream,
// TextDecoderStream and the queuing strategies. Backpressure is simplified (desiredSize is reported, writes
// resolve once the sink accepted the chunk); byte streams keep a chunk queue that BYOB readers copy from. Bodies are still
// buffered at the Java boundary: a stream body is read to its end before the response leaves the isolate.

import { TextEncoder, TextDecoder } from './encoding.js';

const ILLEGAL = Symbol('illegal');

function sizeOf(strategy) {
  const size = strategy?.size;
  return typeof size === 'function' ? size : () => 1;
}

let readerRead;
let readerRelease;

export class ReadableStreamDefaultController {
  #stream;

  constructor(token, stream) {
    if (token !== ILLEGAL) throw new TypeError('Illegal constructor');
    this.#stream = stream;
  }

  get desiredSize() { return this.#stream._desiredSize(); }

  enqueue(chunk) { this.#stream._enqueue(chunk); }

  close() { this.#stream._closeFromSource(); }

  error(e) { this.#stream._error(e); }
}

export class ReadableStream {
  #state = 'readable';
  #queue = [];
  #queueSize = 0;
  #storedError;
  #reader = null;
  #pullRequests = [];
  #source;
  #controller;
  #highWaterMark;
  #size;
  #closeRequested = false;
  #pulling = false;
  #started = false;
  #disturbed = false;

  #bytes = false;

  constructor(source = {}, strategy = {}) {
    // type: 'bytes' streams queue their chunks like default streams; a BYOB reader copies out of that queue.
    this.#source = source ?? {};
    this.#bytes = this.#source.type === 'bytes';
    this.#highWaterMark = strategy?.highWaterMark ?? (this.#bytes ? 0 : 1); // byte streams do not pull ahead
    this.#size = sizeOf(strategy);
    this.#controller = new ReadableStreamDefaultController(ILLEGAL, this);
    let start;
    try {
      start = this.#source.start?.call(this.#source, this.#controller);
    } catch (e) {
      this._error(e);
      throw e;
    }
    Promise.resolve(start).then(() => {
      this.#started = true;
      this.#pullIfNeeded();
    }, (e) => this._error(e));
  }

  get locked() { return this.#reader !== null; }

  _desiredSize() {
    if (this.#state === 'errored') return null;
    if (this.#state === 'closed') return 0;
    return this.#highWaterMark - this.#queueSize;
  }

  _enqueue(chunk) {
    if (this.#state !== 'readable' || this.#closeRequested) throw new TypeError('Cannot enqueue to a closed or errored stream.');
    if (this.#pullRequests.length > 0) {
      this.#pullRequests.shift().resolve({ value: chunk, done: false });
    } else {
      const size = this.#size(chunk);
      this.#queue.push({ chunk, size });
      this.#queueSize += size;
    }
    this.#pullIfNeeded();
  }

  _closeFromSource() {
    if (this.#state !== 'readable' || this.#closeRequested) throw new TypeError('Cannot close a closed or errored stream.');
    this.#closeRequested = true;
    if (this.#queue.length === 0) this.#finishClose();
  }

  #finishClose() {
    this.#state = 'closed';
    for (const r of this.#pullRequests.splice(0)) r.resolve({ value: undefined, done: true });
    this.#reader?._closed();
  }

  _error(e) {
    if (this.#state !== 'readable') return;
    this.#state = 'errored';
    this.#storedError = e;
    this.#queue = [];
    this.#queueSize = 0;
    for (const r of this.#pullRequests.splice(0)) r.reject(e);
    this.#reader?._errored(e);
  }

  #pullIfNeeded() {
    if (!this.#started || this.#pulling || this.#state !== 'readable' || this.#closeRequested) return;
    if (typeof this.#source.pull !== 'function') return;
    if (this.#pullRequests.length === 0 && this._desiredSize() <= 0) return;
    this.#pulling = true;
    let result;
    try {
      result = this.#source.pull.call(this.#source, this.#controller);
    } catch (e) {
      this._error(e);
      return;
    }
    Promise.resolve(result).then(() => {
      this.#pulling = false;
      this.#pullIfNeeded();
    }, (e) => this._error(e));
  }

  _read() {
    this.#disturbed = true;
    if (this.#queue.length > 0) {
      const { chunk, size } = this.#queue.shift();
      this.#queueSize -= size;
      if (this.#closeRequested && this.#queue.length === 0) this.#finishClose();
      else this.#pullIfNeeded();
      return Promise.resolve({ value: chunk, done: false });
    }
    if (this.#state === 'closed') return Promise.resolve({ value: undefined, done: true });
    if (this.#state === 'errored') return Promise.reject(this.#storedError);
    return new Promise((resolve, reject) => {
      this.#pullRequests.push({ resolve, reject });
      this.#pullIfNeeded();
    });
  }

  /** Puts back what a BYOB read did not take from a chunk, to be read first. */
  _unshift(bytes) {
    const size = this.#size(bytes);
    this.#queue.unshift({ chunk: bytes, size });
    this.#queueSize += size;
  }

  /** The next queued chunk if one is there now, else undefined (a BYOB read fills its view from several). */
  _shiftQueued() {
    if (this.#queue.length === 0) return undefined;
    const { chunk, size } = this.#queue.shift();
    this.#queueSize -= size;
    if (this.#closeRequested && this.#queue.length === 0) this.#finishClose();
    return chunk;
  }

  _isBytes() { return this.#bytes; }

  _cancel(reason) {
    this.#disturbed = true;
    if (this.#state === 'closed') return Promise.resolve();
    if (this.#state === 'errored') return Promise.reject(this.#storedError);
    this.#queue = [];
    this.#queueSize = 0;
    this.#finishClose();
    return Promise.resolve(this.#source.cancel?.call(this.#source, reason)).then(() => undefined);
  }

  _state() { return { state: this.#state, error: this.#storedError, disturbed: this.#disturbed }; }

  _setReader(reader) { this.#reader = reader; }

  cancel(reason) {
    if (this.locked) return Promise.reject(new TypeError('This ReadableStream is currently locked to a reader.'));
    return this._cancel(reason);
  }

  getReader(options) {
    if (options?.mode === 'byob') return new ReadableStreamBYOBReader(this);
    if (options?.mode !== undefined) throw new TypeError(`Invalid reader mode "${options.mode}".`);
    return new ReadableStreamDefaultReader(this);
  }

  tee() {
    const reader = this.getReader();
    let c1;
    let c2;
    let canceled = 0;
    const pull = () => reader.read().then(({ value, done }) => {
      if (done) {
        try { c1.close(); } catch { /* canceled branch */ }
        try { c2.close(); } catch { /* canceled branch */ }
        return;
      }
      try { c1.enqueue(value); } catch { /* canceled branch */ }
      try { c2.enqueue(value); } catch { /* canceled branch */ }
    }, (e) => {
      c1.error(e);
      c2.error(e);
    });
    const cancel = () => (++canceled === 2 ? reader.cancel() : undefined);
    const b1 = new ReadableStream({ start(c) { c1 = c; }, pull, cancel });
    const b2 = new ReadableStream({ start(c) { c2 = c; }, pull, cancel });
    return [b1, b2];
  }

  async pipeTo(destination, options = {}) {
    if (!(destination instanceof WritableStream)) throw new TypeError('pipeTo() requires a WritableStream.');
    const reader = this.getReader();
    const writer = destination.getWriter();
    try {
      for (;;) {
        if (options.signal?.aborted) throw options.signal.reason;
        const { value, done } = await reader.read();
        if (done) break;
        await writer.write(value);
      }
      // the source is finished: unlock it before the destination closes (workerd reports locked === false once
      // a pipeThrough's output has been read to its end)
      reader.releaseLock();
      if (!options.preventClose) await writer.close();
    } catch (e) {
      if (!options.preventAbort) await writer.abort(e).catch(() => undefined);
      if (!options.preventCancel) await reader.cancel(e).catch(() => undefined);
      throw e;
    } finally {
      reader.releaseLock();
      writer.releaseLock();
    }
  }

  pipeThrough(transform, options) {
    if (!(transform?.writable instanceof WritableStream) || !(transform?.readable instanceof ReadableStream)) {
      throw new TypeError('pipeThrough() requires a { writable, readable } pair.');
    }
    this.pipeTo(transform.writable, options).catch(() => undefined);
    return transform.readable;
  }

  values(options) {
    const reader = this.getReader();
    const preventCancel = !!options?.preventCancel;
    return {
      next: () => reader.read().then((r) => {
        if (r.done) reader.releaseLock();
        return r;
      }),
      return: async (value) => {
        if (!preventCancel) await reader.cancel(value);
        reader.releaseLock();
        return { value, done: true };
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  [Symbol.asyncIterator](options) { return this.values(options); }

  static from(iterable) {
    if (iterable instanceof ReadableStream) return iterable;
    const iterator = iterable?.[Symbol.asyncIterator]?.() ?? iterable?.[Symbol.iterator]?.();
    if (iterator === undefined) throw new TypeError('ReadableStream.from() requires an iterable or async iterable.');
    return new ReadableStream({
      async pull(c) {
        const { value, done } = await iterator.next();
        if (done) c.close();
        else c.enqueue(value);
      },
      async cancel(reason) { await iterator.return?.(reason); },
    }, { highWaterMark: 0 });
  }
}

/**
 * What both readers share: the lock on the stream, the `closed` promise, cancel() and releaseLock(). The stream
 * stays private; the subclasses reach it through streamOf(), which reports a released reader.
 */
let streamOf;

class StreamReader {
  #stream;
  #closed;
  #resolveClosed;
  #rejectClosed;

  static {
    streamOf = (reader) => {
      if (reader.#stream === null) throw new TypeError(`This ${reader.constructor.name} has been released.`);
      return reader.#stream;
    };
  }

  constructor(stream) {
    if (stream.locked) throw new TypeError('This ReadableStream is currently locked to a reader.');
    this.#stream = stream;
    this.#closed = new Promise((resolve, reject) => {
      this.#resolveClosed = resolve;
      this.#rejectClosed = reject;
    });
    this.#closed.catch(() => undefined);
    stream._setReader(this);
    const { state, error } = stream._state();
    if (state === 'closed') this.#resolveClosed();
    if (state === 'errored') this.#rejectClosed(error);
  }

  _closed() { this.#resolveClosed(); }

  _errored(e) { this.#rejectClosed(e); }

  get closed() { return this.#closed; }

  cancel(reason) {
    try {
      return streamOf(this)._cancel(reason);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  releaseLock() {
    if (this.#stream === null) return;
    this.#stream._setReader(null);
    this.#stream = null;
    this.#rejectClosed(new TypeError(`This ${this.constructor.name} has been released.`));
  }
}

export class ReadableStreamDefaultReader extends StreamReader {
  constructor(stream) {
    if (!(stream instanceof ReadableStream)) throw new TypeError('ReadableStreamDefaultReader needs a ReadableStream.');
    super(stream);
  }

  read() {
    try {
      return streamOf(this)._read();
    } catch (e) {
      return Promise.reject(e);
    }
  }
}

/** Reads a byte stream into the caller's buffers (RT-6): each read fills at most the given view. */
export class ReadableStreamBYOBReader extends StreamReader {
  constructor(stream) {
    if (!(stream instanceof ReadableStream)) throw new TypeError('ReadableStreamBYOBReader needs a ReadableStream.');
    if (!stream._isBytes()) throw new TypeError('A BYOB reader needs a byte stream (type: "bytes").');
    super(stream);
  }

  async read(view) {
    const stream = streamOf(this);
    if (!ArrayBuffer.isView(view)) throw new TypeError('read() needs an ArrayBufferView.');
    if (view.byteLength === 0) throw new TypeError('read() needs a view with a non-zero byteLength.');
    const { byteOffset, byteLength } = view;
    const element = view.BYTES_PER_ELEMENT ?? 1;
    const Ctor = view.constructor;
    const { value, done } = await stream._read();
    // as in the standard, the caller's buffer is transferred (which detaches `view`): the returned view is the one to use
    const buffer = typeof view.buffer.transfer === 'function' ? view.buffer.transfer() : view.buffer;
    if (done) return { value: new Ctor(buffer, byteOffset, 0), done: true };
    const target = new Uint8Array(buffer, byteOffset, byteLength - (byteLength % element));
    let filled = 0;
    for (let chunk = value; chunk !== undefined; chunk = filled < target.byteLength ? stream._shiftQueued() : undefined) {
      const src = chunk instanceof ArrayBuffer ? new Uint8Array(chunk)
        : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const n = Math.min(src.byteLength, target.byteLength - filled);
      target.set(src.subarray(0, n), filled);
      filled += n;
      if (n < src.byteLength) {
        stream._unshift(src.slice(n));
        break;
      }
    }
    return { value: new Ctor(buffer, byteOffset, Math.floor(filled / element)), done: false };
  }

  /**
   * workerd's extension: reads into `view` until at least minBytes arrived (fewer only when the stream ends),
   * taking what is already queued beyond that up to the view's size.
   */
  async readAtLeast(minBytes, view) {
    if (!ArrayBuffer.isView(view)) {
      throw new TypeError("Failed to execute 'readAtLeast' on 'ReadableStreamBYOBReader': parameter 2 is not of type 'ArrayBufferView'.");
    }
    const min = Number(minBytes);
    if (!(min >= 1)) throw new TypeError(`Requested invalid minimum number of bytes to read (${minBytes}).`);
    if (min > view.byteLength) {
      throw new TypeError(`Minimum bytes to read (${minBytes}) exceeds size of buffer (${view.byteLength}).`);
    }
    const Ctor = view.constructor;
    const element = view.BYTES_PER_ELEMENT ?? 1;
    const { byteOffset, byteLength } = view;
    let buffer = view.buffer;
    let filled = 0;
    for (;;) {
      const { value, done } = await this.read(new Uint8Array(buffer, byteOffset + filled, byteLength - filled));
      buffer = value.buffer;
      filled += value.byteLength;
      if (done || filled >= min) {
        return { value: new Ctor(buffer, byteOffset, Math.floor(filled / element)), done: done && filled === 0 };
      }
    }
  }
}

export class WritableStreamDefaultController {
  #stream;

  constructor(token, stream) {
    if (token !== ILLEGAL) throw new TypeError('Illegal constructor');
    this.#stream = stream;
  }

  error(e) { this.#stream._error(e); }

  get signal() { return undefined; }
}

export class WritableStream {
  #sink;
  #controller;
  #state = 'writable';
  #storedError;
  #writer = null;
  #chain;
  #highWaterMark;
  #size;
  #queued = 0;

  constructor(sink = {}, strategy = {}) {
    this.#sink = sink ?? {};
    this.#highWaterMark = strategy?.highWaterMark ?? 1;
    this.#size = sizeOf(strategy);
    this.#controller = new WritableStreamDefaultController(ILLEGAL, this);
    this.#chain = Promise.resolve(this.#sink.start?.call(this.#sink, this.#controller));
    this.#chain.catch((e) => this._error(e));
  }

  /** highWaterMark minus the size of the writes not yet accepted by the sink (what writer.desiredSize reports) */
  _desiredSize() {
    if (this.#state === 'errored') return null;
    if (this.#state !== 'writable') return 0;
    return this.#highWaterMark - this.#queued;
  }

  get locked() { return this.#writer !== null; }

  _error(e) {
    if (this.#state === 'errored') return;
    this.#state = 'errored';
    this.#storedError = e;
  }

  #enqueue(step) {
    const next = this.#chain.then(() => {
      if (this.#state === 'errored') throw this.#storedError;
      return step();
    });
    this.#chain = next.catch((e) => this._error(e));
    return next;
  }

  _write(chunk) {
    if (this.#state !== 'writable') {
      return Promise.reject(this.#state === 'errored' ? this.#storedError : new TypeError('This WritableStream has been closed.'));
    }
    const size = this.#size(chunk);
    this.#queued += size;
    const done = () => {
      this.#queued -= size;
    };
    const write = this.#enqueue(() => this.#sink.write?.call(this.#sink, chunk, this.#controller));
    write.then(done, done);
    return write.then(() => undefined);
  }

  _close() {
    if (this.#state !== 'writable') {
      return Promise.reject(this.#state === 'errored' ? this.#storedError : new TypeError('This WritableStream has been closed.'));
    }
    this.#state = 'closing';
    return this.#enqueue(() => this.#sink.close?.call(this.#sink)).then(() => {
      this.#state = 'closed';
    });
  }

  _abort(reason) {
    if (this.#state === 'closed' || this.#state === 'errored') return Promise.resolve();
    this._error(reason);
    return Promise.resolve(this.#sink.abort?.call(this.#sink, reason)).then(() => undefined);
  }

  _state() { return this.#state; }

  _setWriter(w) { this.#writer = w; }

  abort(reason) {
    if (this.locked) return Promise.reject(new TypeError('This WritableStream is currently locked to a writer.'));
    return this._abort(reason);
  }

  close() {
    if (this.locked) return Promise.reject(new TypeError('This WritableStream is currently locked to a writer.'));
    return this._close();
  }

  getWriter() {
    return new WritableStreamDefaultWriter(this);
  }
}

export class WritableStreamDefaultWriter {
  #stream;
  #closed;

  constructor(stream) {
    if (!(stream instanceof WritableStream)) throw new TypeError('WritableStreamDefaultWriter needs a WritableStream.');
    if (stream.locked) throw new TypeError('This WritableStream is currently locked to a writer.');
    this.#stream = stream;
    stream._setWriter(this);
    this.#closed = new Promise((resolve, reject) => {
      this._resolveClosed = resolve;
      this._rejectClosed = reject;
    });
    this.#closed.catch(() => undefined);
  }

  get closed() { return this.#closed; }

  get ready() { return Promise.resolve(); }

  get desiredSize() { return this.#stream === null ? null : this.#stream._desiredSize(); }

  #live() {
    if (this.#stream === null) throw new TypeError('This WritableStreamDefaultWriter has been released.');
    return this.#stream;
  }

  write(chunk) {
    try {
      return this.#live()._write(chunk);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  close() {
    try {
      return this.#live()._close().then(() => this._resolveClosed(), (e) => {
        this._rejectClosed(e);
        throw e;
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  abort(reason) {
    try {
      return this.#live()._abort(reason).then(() => this._rejectClosed(reason));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  releaseLock() {
    if (this.#stream === null) return;
    this.#stream._setWriter(null);
    this.#stream = null;
  }
}

export class TransformStreamDefaultController {
  #enqueue;
  #error;
  #terminate;

  constructor(token, enqueue, error, terminate) {
    if (token !== ILLEGAL) throw new TypeError('Illegal constructor');
    this.#enqueue = enqueue;
    this.#error = error;
    this.#terminate = terminate;
  }

  get desiredSize() { return 1; }

  enqueue(chunk) { this.#enqueue(chunk); }

  error(e) { this.#error(e); }

  terminate() { this.#terminate(); }
}

export class TransformStream {
  #readable;
  #writable;

  constructor(transformer = {}, writableStrategy = {}, readableStrategy = {}) {
    transformer = transformer ?? {};
    let rc;
    this.#readable = new ReadableStream({ start(c) { rc = c; } }, readableStrategy);
    const controller = new TransformStreamDefaultController(ILLEGAL, (chunk) => rc.enqueue(chunk), (e) => rc.error(e),
      () => { try { rc.close(); } catch { /* already closed */ } });
    const start = transformer.start?.call(transformer, controller);
    // a throwing transform() or flush() errors the readable side too, so its reader sees the error instead of waiting
    const erroring = (e) => {
      rc.error(e);
      throw e;
    };
    this.#writable = new WritableStream({
      start: () => start,
      write: (chunk) => {
        try {
          return Promise.resolve(typeof transformer.transform === 'function'
            ? transformer.transform.call(transformer, chunk, controller) : rc.enqueue(chunk)).catch(erroring);
        } catch (e) {
          return erroring(e);
        }
      },
      close: async () => {
        try {
          await transformer.flush?.call(transformer, controller);
        } catch (e) {
          erroring(e);
        }
        try { rc.close(); } catch { /* terminated */ }
      },
      abort: (reason) => rc.error(reason),
    }, writableStrategy);
  }

  get readable() { return this.#readable; }

  get writable() { return this.#writable; }
}

const FIXED = Symbol('fixed length');
const TOO_MANY = 'Attempt to write too many bytes through a FixedLengthStream.';
const TOO_FEW = 'FixedLengthStream did not see all expected bytes before close().';

/** Identity transform over bytes; with {@code expected}, errors (as workerd does) when the byte count differs. */
function identityTransformer(expected) {
  let seen = 0;
  return {
    transform(chunk, c) {
      if (!(chunk instanceof ArrayBuffer || ArrayBuffer.isView(chunk))) {
        throw new TypeError('This TransformStream is being used as a byte stream, but received a non-byte chunk.');
      }
      const bytes = chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      seen += bytes.byteLength;
      if (expected !== undefined && seen > expected) throw new TypeError(TOO_MANY);
      c.enqueue(bytes);
    },
    flush() {
      if (expected !== undefined && seen < expected) throw new TypeError(TOO_FEW);
    },
  };
}

/** Cloudflare's IdentityTransformStream: bytes in, the same bytes out. */
export class IdentityTransformStream extends TransformStream {
  constructor(options = undefined, token = undefined, expected = undefined) {
    super(identityTransformer(token === FIXED ? expected : undefined));
  }
}

/**
 * Cloudflare's FixedLengthStream: an IdentityTransformStream whose readable side has a known length, so it can be
 * an R2 put value or a response body sent with Content-Length. More or fewer bytes than announced error the
 * readable side with workerd's messages.
 */
export class FixedLengthStream extends IdentityTransformStream {
  constructor(expectedLength, options = undefined) {
    if (expectedLength === undefined) {
      throw new TypeError("Failed to construct 'FixedLengthStream': constructor parameter 1 is not of type 'bigint'.");
    }
    const n = typeof expectedLength === 'bigint' ? expectedLength : Number(expectedLength);
    if (n < 0) throw new TypeError('The value cannot be converted because it is negative and this API expects a positive bigint.');
    if (typeof n === 'number' && !Number.isFinite(n)) {
      throw new TypeError("Failed to construct 'FixedLengthStream': constructor parameter 1 is not of type 'bigint'.");
    }
    if (n >= 2 ** 53) throw new TypeError('FixedLengthStream requires an integer expected length less than 2^53.');
    const length = Math.trunc(Number(n));
    super(options, FIXED, length);
    setKnownLength(this.readable, length);
  }
}

export class TextEncoderStream extends TransformStream {
  constructor() {
    const encoder = new TextEncoder();
    let pending = '';
    super({
      transform(chunk, c) {
        let s = pending + String(chunk);
        pending = '';
        const last = s.charCodeAt(s.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pending = s.slice(-1);
          s = s.slice(0, -1);
        }
        if (s.length > 0) c.enqueue(encoder.encode(s));
      },
      flush(c) {
        if (pending) c.enqueue(encoder.encode(pending));
      },
    });
  }

  get encoding() { return 'utf-8'; }
}

export class TextDecoderStream extends TransformStream {
  #decoder;

  constructor(label = 'utf-8', options = {}) {
    const decoder = new TextDecoder(label, options);
    super({
      transform(chunk, c) {
        const s = decoder.decode(chunk, { stream: true });
        if (s) c.enqueue(s);
      },
      flush(c) {
        const s = decoder.decode();
        if (s) c.enqueue(s);
      },
    });
    this.#decoder = decoder;
  }

  get encoding() { return this.#decoder.encoding; }

  get fatal() { return this.#decoder.fatal; }

  get ignoreBOM() { return this.#decoder.ignoreBOM; }
}

export class CountQueuingStrategy {
  #hwm;

  constructor(init) { this.#hwm = Number(init?.highWaterMark); }

  get highWaterMark() { return this.#hwm; }

  get size() { return () => 1; }
}

export class ByteLengthQueuingStrategy {
  #hwm;

  constructor(init) { this.#hwm = Number(init?.highWaterMark); }

  get highWaterMark() { return this.#hwm; }

  get size() { return (chunk) => chunk.byteLength; }
}

// A body read whole (text(), arrayBuffer(), ...) must fit in the isolate: past this, reading fails with
// workerd's error instead of exhausting the heap (RT-15). Streaming the body has no such limit.
const BUFFER_LIMIT = 128 * 1024 * 1024;
const TOO_BIG = 'Memory limit would be exceeded before EOF.';

/** Reads a stream of byte chunks (or strings) to its end: one Uint8Array. Used for buffered bodies. */
export async function readAllBytes(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  const encoder = new TextEncoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    let bytes;
    if (value instanceof Uint8Array) bytes = value;
    else if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
    else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    else if (typeof value === 'string') bytes = encoder.encode(value);
    else throw new TypeError('This ReadableStream did not return bytes.');
    chunks.push(bytes);
    total += bytes.byteLength;
    if (total > BUFFER_LIMIT) {
      chunks.length = 0;
      const error = new TypeError(TOO_BIG);
      reader.cancel(error).catch(() => {});
      throw error;
    }
  }
  reader.releaseLock();
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

// Streams whose byte length is known before they are read, as workerd tracks it: a body made from a string,
// buffer or Blob, and the readable side of a FixedLengthStream. R2 put needs it (R2-2) and a response body with
// one goes out with Content-Length. Streams made in JS with new ReadableStream() have none.
const knownLengths = new WeakMap();

export function setKnownLength(stream, length) {
  knownLengths.set(stream, length);
}

/** The byte length {@code stream} will have, or undefined when it is not known in advance. */
export function knownLength(stream) {
  return knownLengths.get(stream);
}

/** A one-chunk stream over bytes (body getter of a buffered body), of known length. */
export function streamOfBytes(bytes) {
  const stream = new ReadableStream({
    start(c) {
      if (bytes.byteLength > 0) c.enqueue(bytes);
      c.close();
    },
  });
  setKnownLength(stream, bytes.byteLength);
  return stream;
}

export function isDisturbed(stream) {
  return stream._state().disturbed || stream.locked;
}
