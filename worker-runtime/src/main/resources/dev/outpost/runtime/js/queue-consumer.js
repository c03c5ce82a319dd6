// Queue consumers: the MessageBatch and Message a worker's queue(batch, env, ctx) handler receives,
// and the event's entry point. The worker's ack()/retry()/ackAll()/retryAll() calls are recorded as they come
// (per message the first of ack/retry wins, per batch the first of ackAll/retryAll) and answered with the
// outcome; queue-service applies the precedence (per-message calls, then ackAll/retryAll, then the outcome).

import { host } from './host.js';
import { describeError } from './errors.js';
import { atob, TextEncoder } from './encoding.js';
import { decode } from './rpc-codec.js';
import { newContext, finished, invokeQueue } from './handlers.js';

const CONSTRUCT = Symbol('queue');
const encoder = new TextEncoder();

function delayOf(options) {
  if (options === undefined || options === null) return null;
  const d = options.delaySeconds;
  if (d === undefined) return null;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 43200) {
    throw new TypeError('delaySeconds must be an integer between 0 and 43200');
  }
  return d;
}

function decodeBody(m) {
  switch (m.contentType) {
    case 'text':
      return m.body;
    case 'json':
      return JSON.parse(m.body);
    case 'bytes': {
      const text = atob(m.body);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      return bytes.buffer;
    }
    default:
      return decode(m.body);
  }
}

/** What the handler decided, shared by the batch and its messages. */
class Decisions {
  ackAll = false;
  retryAll = false;
  retryAllDelay = null;
  acks = new Set();
  retries = new Map();

  decided(id) {
    return this.acks.has(id) || this.retries.has(id);
  }

  toJSON(outcome) {
    return {
      outcome,
      ackAll: this.ackAll,
      retryAll: this.retryAll,
      retryAllDelay: this.retryAllDelay,
      acks: [...this.acks],
      retries: [...this.retries.entries()],
    };
  }
}

export class Message {
  #id;
  #timestamp;
  #body;
  #attempts;
  #decisions;

  constructor(token, raw, decisions) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#id = raw.id;
    this.#timestamp = new Date(raw.timestamp);
    this.#body = decodeBody(raw);
    this.#attempts = raw.attempts;
    this.#decisions = decisions;
  }

  get id() { return this.#id; }
  get timestamp() { return this.#timestamp; }
  get body() { return this.#body; }
  get attempts() { return this.#attempts; }

  ack() {
    if (!this.#decisions.decided(this.#id)) this.#decisions.acks.add(this.#id);
  }

  retry(options = undefined) {
    const delay = delayOf(options);
    if (!this.#decisions.decided(this.#id)) this.#decisions.retries.set(this.#id, delay);
  }
}

export class MessageBatch {
  #queue;
  #messages;
  #decisions;

  constructor(token, queue, messages, decisions) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#queue = queue;
    this.#messages = Object.freeze(messages);
    this.#decisions = decisions;
  }

  get queue() { return this.#queue; }
  get messages() { return this.#messages; }

  ackAll() {
    if (!this.#decisions.ackAll && !this.#decisions.retryAll) this.#decisions.ackAll = true;
  }

  retryAll(options = undefined) {
    const delay = delayOf(options);
    if (!this.#decisions.ackAll && !this.#decisions.retryAll) {
      this.#decisions.retryAll = true;
      this.#decisions.retryAllDelay = delay;
    }
  }
}

function respondJson(id, value) {
  host.respond(id, 200, '', 'content-type\0application/json', encoder.encode(JSON.stringify(value)).buffer);
}

/**
 * A queue event: batchJson is {queue, messages:[{id, timestamp, contentType, attempts, body}]} with bodies as
 * text (text, json, v8) or base64 (bytes). Answers with the Decisions and the outcome.
 */
export function dispatchQueue(id, entrypoint, props, batchJson) {
  const decisions = new Decisions();
  let batch;
  let ctx;
  try {
    const raw = JSON.parse(batchJson);
    batch = new MessageBatch(CONSTRUCT, raw.queue, raw.messages.map((m) => new Message(CONSTRUCT, m, decisions)),
      decisions);
    ctx = newContext(id, props ? JSON.parse(props) : {});
  } catch (e) {
    finished(id);
    host.fail(id, describeError(e));
    return;
  }
  invokeQueue(batch, ctx, entrypoint)
    .then((outcome) => respondJson(id, decisions.toJSON(outcome)), (e) => host.fail(id, describeError(e)))
    .finally(() => finished(id));
}
