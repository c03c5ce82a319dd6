// RT-6 node:stream under nodejs_compat, a minimal subset: wrangler's unenv polyfills (console, process.stdout)
// construct Writables at load time, so a wrangler-built nodejs_compat worker cannot start without this module.
// Provided: Stream, Readable (push/read/'data'/'end'/pipe/async iteration/Readable.from), Writable (write/end/
// 'finish'/'close'/destroy, options.write/writev/final), Duplex, Transform, PassThrough. Not provided:
// highWaterMark-driven backpressure ('drain' fires after each write), object-mode distinctions, pipeline()/
// finished() beyond the basics, stream/promises, stream/web re-exports.

import { EventEmitter } from './events.js';
import { Buffer } from './buffer.js';

function toChunk(chunk, encoding, objectMode) {
  if (objectMode || chunk === null) return chunk;
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
}

function later(fn) {
  queueMicrotask(fn);
}

export class Stream extends EventEmitter {
  pipe(destination, options) {
    return Readable.prototype.pipe.call(this, destination, options);
  }
}

export class Readable extends Stream {
  constructor(options = {}) {
    super();
    this._readableState = { buffer: [], ended: false, endEmitted: false, flowing: null, reading: false,
      objectMode: !!(options.objectMode || options.readableObjectMode), encoding: options.encoding ?? null };
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    this.readable = true;
    this.destroyed = false;
  }

  static from(iterable, options) {
    const it = iterable[Symbol.asyncIterator] ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
    const readable = new Readable({ objectMode: true, ...options, read() {
      Promise.resolve(it.next()).then(({ value, done }) => this.push(done ? null : value), (e) => this.destroy(e));
    } });
    return readable;
  }

  _read() {
    throw Object.assign(new Error('The _read() method is not implemented'), { code: 'ERR_METHOD_NOT_IMPLEMENTED' });
  }

  push(chunk, encoding) {
    const state = this._readableState;
    if (chunk === null) {
      state.ended = true;
      later(() => this.#flow());
      return false;
    }
    state.buffer.push(toChunk(chunk, encoding, state.objectMode));
    state.reading = false;
    later(() => this.#flow());
    return true;
  }

  unshift(chunk) {
    this._readableState.buffer.unshift(chunk);
  }

  read() {
    const state = this._readableState;
    if (state.buffer.length === 0) {
      this.#pull();
      return null;
    }
    return this.#decode(state.buffer.shift());
  }

  setEncoding(encoding) {
    this._readableState.encoding = encoding;
    return this;
  }

  #decode(chunk) {
    const encoding = this._readableState.encoding;
    return encoding && chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString(encoding) : chunk;
  }

  #pull() {
    const state = this._readableState;
    if (state.ended || state.reading || this.destroyed) return;
    state.reading = true;
    try {
      this._read();
    } catch (e) {
      this.destroy(e);
    }
  }

  #flow() {
    const state = this._readableState;
    if (this.destroyed) return;
    if (state.flowing) {
      while (state.buffer.length > 0 && state.flowing) this.emit('data', this.#decode(state.buffer.shift()));
    } else if (state.buffer.length > 0) {
      this.emit('readable');
    }
    if (state.ended && state.buffer.length === 0) {
      if (!state.endEmitted) {
        state.endEmitted = true;
        this.readable = false;
        this.emit('end');
        this.emit('close');
      }
      return;
    }
    if (state.flowing) this.#pull();
  }

  on(event, listener) {
    super.on(event, listener);
    if (event === 'data' && this._readableState.flowing !== false) this.resume();
    if (event === 'readable') later(() => this.#pull());
    return this;
  }

  resume() {
    this._readableState.flowing = true;
    later(() => this.#flow());
    return this;
  }

  pause() {
    this._readableState.flowing = false;
    return this;
  }

  isPaused() {
    return this._readableState.flowing === false;
  }

  pipe(destination, options) {
    this.on('data', (chunk) => destination.write(chunk));
    if (options?.end !== false) this.on('end', () => destination.end());
    return destination;
  }

  destroy(error) {
    if (this.destroyed) return this;
    this.destroyed = true;
    const done = (err) => later(() => {
      if (err) this.emit('error', err);
      this.emit('close');
    });
    if (this._destroy) this._destroy(error ?? null, done);
    else done(error);
    return this;
  }

  async *[Symbol.asyncIterator]() {
    const state = this._readableState;
    while (true) {
      if (state.buffer.length > 0) {
        yield this.#decode(state.buffer.shift());
        continue;
      }
      if (state.ended) return;
      await new Promise((resolve, reject) => {
        const cleanup = () => {
          this.off('readable', onReadable);
          this.off('end', onReadable);
          this.off('error', onError);
        };
        const onReadable = () => {
          cleanup();
          resolve();
        };
        const onError = (e) => {
          cleanup();
          reject(e);
        };
        this.on('readable', onReadable);
        this.on('end', onReadable);
        this.on('error', onError);
        later(() => {
          if (state.buffer.length > 0 || state.ended) onReadable();
        });
      });
    }
  }
}

export class Writable extends Stream {
  constructor(options = {}) {
    super();
    this._writableState = { ended: false, finished: false, objectMode: !!(options.objectMode || options.writableObjectMode),
      pending: 0, decodeStrings: options.decodeStrings !== false };
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    this.writable = true;
    this.destroyed = false;
  }

  _write(chunk, encoding, callback) {
    if (this._writev) this._writev([{ chunk, encoding }], callback);
    else callback();
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const state = this._writableState;
    if (state.ended) {
      const e = Object.assign(new Error('write after end'), { code: 'ERR_STREAM_WRITE_AFTER_END' });
      later(() => {
        callback?.(e);
        this.emit('error', e);
      });
      return false;
    }
    const data = state.objectMode || !state.decodeStrings ? chunk : toChunk(chunk, encoding, false);
    state.pending++;
    this._write(data, typeof chunk === 'string' && (state.objectMode || !state.decodeStrings) ? encoding ?? 'utf8' : 'buffer', (err) => {
      state.pending--;
      later(() => {
        callback?.(err ?? null);
        if (err) this.destroy(err);
        else this.#maybeFinish();
      });
    });
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    const state = this._writableState;
    if (callback) this.once('finish', () => callback());
    if (!state.ended) {
      state.ended = true;
      this.writable = false;
      later(() => this.#maybeFinish());
    }
    return this;
  }

  #maybeFinish() {
    const state = this._writableState;
    if (!state.ended || state.pending > 0 || state.finished || state.finishing) return;
    state.finishing = true;
    const finish = (err) => later(() => {
      if (err) {
        this.destroy(err);
        return;
      }
      state.finished = true;
      this.writableFinished = true;
      this.emit('finish');
      this.emit('close');
    });
    if (this._final) this._final(finish);
    else finish();
  }

  cork() {}

  uncork() {}

  setDefaultEncoding() {
    return this;
  }

  destroy(error) {
    if (this.destroyed) return this;
    this.destroyed = true;
    const done = (err) => later(() => {
      if (err) this.emit('error', err);
      this.emit('close');
    });
    if (this._destroy) this._destroy(error ?? null, done);
    else done(error);
    return this;
  }

  get writableEnded() {
    return this._writableState.ended;
  }
}

/** A Readable that is also Writable (the write side is Writable's, borrowed method by method). */
export class Duplex extends Readable {
  constructor(options = {}) {
    super(options);
    const w = new Writable(options);
    this._writableState = w._writableState;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.final === 'function') this._final = options.final;
    this.writable = true;
  }
}
for (const name of ['write', 'end', 'cork', 'uncork', 'setDefaultEncoding']) {
  Object.defineProperty(Duplex.prototype, name, Object.getOwnPropertyDescriptor(Writable.prototype, name));
}

export class Transform extends Duplex {
  constructor(options = {}) {
    super(options);
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
    this._writableState.pending = 0;
    this._writableState.ended = false;
  }

  _read() {}

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const data = this._readableState.objectMode ? chunk : toChunk(chunk, encoding, false);
    this._transform(data, typeof chunk === 'string' ? encoding ?? 'utf8' : 'buffer', (err, out) => {
      if (err) {
        this.destroy(err);
      } else if (out !== undefined && out !== null) {
        this.push(out);
      }
      later(() => callback?.(err ?? null));
    });
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    const close = () => {
      this.push(null);
      this.writable = false;
      later(() => {
        this.emit('finish');
        callback?.();
      });
    };
    if (this._flush) this._flush((err, out) => {
      if (out !== undefined && out !== null) this.push(out);
      close();
    });
    else close();
    return this;
  }

  _transform(chunk, encoding, callback) {
    callback(Object.assign(new Error('The _transform() method is not implemented'), { code: 'ERR_METHOD_NOT_IMPLEMENTED' }));
  }
}

export class PassThrough extends Transform {
  _transform(chunk, encoding, callback) {
    callback(null, chunk);
  }
}

export function finished(stream, callback) {
  const done = (err) => callback(err ?? undefined);
  stream.once('finish', () => done());
  stream.once('end', () => done());
  stream.once('error', done);
  return () => undefined;
}

export function pipeline(...streams) {
  const callback = typeof streams[streams.length - 1] === 'function' ? streams.pop() : undefined;
  for (let i = 0; i < streams.length - 1; i++) streams[i].pipe(streams[i + 1]);
  const last = streams[streams.length - 1];
  if (callback) finished(last, callback);
  return last;
}

Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.finished = finished;
Stream.pipeline = pipeline;

export default Stream;
