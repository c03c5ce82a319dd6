// Queue producer bindings (Q-1..Q-3). The arguments are checked as Cloudflare checks them; delivering messages
// is queue-service's job on Kafka, and until that is built a send rejects with an error that says so.

const CONTENT_TYPES = ['text', 'bytes', 'json', 'v8'];

function checkOptions(options, what) {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object') throw new TypeError(`${what}: options must be an object`);
  if (options.contentType !== undefined && !CONTENT_TYPES.includes(options.contentType)) {
    throw new TypeError(`Unknown Queue content type: ${options.contentType}`);
  }
  if (options.delaySeconds !== undefined) {
    const d = options.delaySeconds;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 43200) {
      throw new TypeError('delaySeconds must be an integer between 0 and 43200');
    }
  }
}

export class WorkerQueue {
  #queueName;
  #bindingName;

  constructor(queueName, bindingName) {
    this.#queueName = queueName;
    this.#bindingName = bindingName;
  }

  #unavailable() {
    return Promise.reject(new Error(`Queue send failed: queue ${this.#queueName} (binding ${this.#bindingName}): `
      + 'this Outpost gateway does not deliver Queue messages yet.'));
  }

  async send(body, options = undefined) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'send' on 'WorkerQueue': parameter 1 is not of type 'any'.");
    checkOptions(options, 'send');
    return this.#unavailable();
  }

  async sendBatch(messages, options = undefined) {
    if (messages === undefined || messages === null || typeof messages[Symbol.iterator] !== 'function') {
      throw new TypeError("Failed to execute 'sendBatch' on 'WorkerQueue': parameter 1 is not iterable.");
    }
    const list = Array.from(messages);
    if (list.length === 0) throw new TypeError('sendBatch() requires at least one message');
    if (list.length > 100) throw new TypeError('Batch contains too many messages (maximum 100)');
    for (const m of list) checkOptions(m, 'sendBatch');
    checkOptions(options, 'sendBatch');
    return this.#unavailable();
  }
}

export function createQueueProducer(queueName, bindingName) {
  return new WorkerQueue(queueName, bindingName);
}
