// Queue producer bindings (Q-1..Q-3). Bodies are encoded here as workerd encodes them (text as UTF-8, bytes as
// they are, json as JSON text, v8 as a structured clone) with workerd's errors for a body that does not fit its
// content type; the host (QueueHost → QueueProducerBinding → queue-service) checks sizes and stores the messages.
// v8 bodies use Outpost's structured-clone encoding (rpc-codec.js), not V8's wire format: only Outpost reads them.

import { host } from './host.js';
import { hostCall } from './async.js';
import { assertInRequest } from './errors.js';
import { compatibilityFlag } from './compat.js';
import { encode } from './rpc-codec.js';

const CONTENT_TYPES = ['text', 'bytes', 'json', 'v8'];
const CONSTRUCT = Symbol('WorkerQueue');

function contentTypeOf(value) {
  // json is the default from compatibility date 2024-03-18 (queues_json_messages), v8 before
  if (value === undefined) return compatibilityFlag('queues_json_messages') ? 'json' : 'v8';
  const lower = String(value).toLowerCase();
  if (!CONTENT_TYPES.includes(lower)) throw new TypeError(`Unsupported queue message content type: ${value}`);
  return lower;
}

function delayOf(value) {
  if (value === undefined || value === null) return -1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 43200) {
    throw new TypeError('delaySeconds must be an integer between 0 and 43200');
  }
  return value;
}

function typeName(body) {
  return body === null ? 'object' : typeof body;
}

/** The body as the host takes it: a string (UTF-8 encoded by the host) or an ArrayBuffer. */
function serialize(body, contentType) {
  if (body === undefined) throw new TypeError('Message body cannot be undefined');
  switch (contentType) {
    case 'text':
      if (typeof body !== 'string') {
        throw new TypeError(`Content Type "text" requires a value of type string, but received: ${typeName(body)}`);
      }
      return body;
    case 'bytes':
      if (!ArrayBuffer.isView(body)) {
        throw new TypeError(`Content Type "bytes" requires a value of type ArrayBufferView, but received: ${typeName(body)}`);
      }
      return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
    case 'json': {
      const text = JSON.stringify(body);
      if (text === undefined) throw new TypeError(`Content Type "json" cannot serialize a value of type ${typeName(body)}`);
      return text;
    }
    default:
      return encode(body);
  }
}

function checkOptions(options, what) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new TypeError(`${what}: options must be an object`);
  return options;
}

/** {metadata: {metrics: {backlogCount, backlogBytes, oldestMessageTimestamp?}}} from the host's JSON. */
function metricsOf(json) {
  const m = JSON.parse(json);
  const metrics = { backlogCount: m.count, backlogBytes: m.bytes };
  if (m.oldest > 0) metrics.oldestMessageTimestamp = new Date(m.oldest);
  return metrics;
}

export class WorkerQueue {
  #index;
  #queueName;

  constructor(token, index, queueName) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#index = index;
    this.#queueName = queueName;
  }

  async send(body, options = undefined) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'send' on 'WorkerQueue': parameter 1 is not of type 'any'.");
    assertInRequest();
    const opts = checkOptions(options, 'send');
    const contentType = contentTypeOf(opts.contentType);
    const delay = delayOf(opts.delaySeconds);
    const payload = serialize(body, contentType);
    const { a } = await hostCall((id) => host.queueSend(id, this.#index, payload, contentType, delay));
    return { metadata: { metrics: metricsOf(a) } };
  }

  async sendBatch(messages, options = undefined) {
    if (messages === undefined || messages === null || typeof messages[Symbol.iterator] !== 'function') {
      throw new TypeError("Failed to execute 'sendBatch' on 'WorkerQueue': parameter 1 is not iterable.");
    }
    assertInRequest();
    const list = Array.from(messages);
    if (list.length === 0) throw new TypeError('sendBatch() requires at least one message');
    const opts = checkOptions(options, 'sendBatch');
    const batchDelay = delayOf(opts.delaySeconds);
    const bodies = [];
    const meta = [];
    for (const m of list) {
      if (m === null || typeof m !== 'object') throw new TypeError('sendBatch: each message must be an object {body, contentType?, delaySeconds?}');
      const contentType = contentTypeOf(m.contentType);
      const delay = delayOf(m.delaySeconds);
      bodies.push(serialize(m.body, contentType));
      meta.push(`${contentType}:${delay}`);
    }
    const { a } = await hostCall((id) => host.queueSendBatch(id, this.#index, bodies, meta.join(','), batchDelay));
    return { metadata: { metrics: metricsOf(a) } };
  }

  async metrics() {
    assertInRequest();
    const { a } = await hostCall((id) => host.queueMetrics(id, this.#index));
    return metricsOf(a);
  }

  get [Symbol.toStringTag]() {
    return 'WorkerQueue';
  }
}

/** value: "<index>\0<queue name>" (the index addresses the host's producer list). */
export function createQueueProducer(value) {
  const cut = value.indexOf('\0');
  return new WorkerQueue(CONSTRUCT, Number(value.slice(0, cut)), value.slice(cut + 1));
}
