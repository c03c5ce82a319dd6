// The worker's env object, filled by the host once per isolate from the WorkerEnvironment.

import { createKvNamespace } from './kv.js';
import { createD1Database } from './d1.js';
import { createServiceBinding } from './service.js';
import { createR2Bucket } from './r2.js';
import { createDurableObjectNamespace } from './durable-objects.js';
import { createQueueProducer } from './queues.js';
import { compatibilityFlag } from './compat.js';
import { env as processEnv } from './node/process.js';

export const env = {};

export function defineBinding(type, name, value) {
  let binding;
  switch (type) {
    case 'text':
    case 'secret':
      binding = value;
      break;
    case 'json':
      binding = JSON.parse(value);
      break;
    case 'kv':
      binding = createKvNamespace(value);
      break;
    case 'd1':
      binding = createD1Database(value);
      break;
    case 'service':
      binding = createServiceBinding(value);
      break;
    case 'r2':
      binding = createR2Bucket(value);
      break;
    case 'queue':
      binding = createQueueProducer(value, name);
      break;
    case 'durable_object_namespace':
      binding = createDurableObjectNamespace(value, name);
      break;
    default:
      throw new Error(`unknown binding type ${type}`);
  }
  Object.defineProperty(env, name, { value: binding, enumerable: true, writable: true, configurable: true });
  // RT-6 nodejs_compat_populate_process_env (implied by nodejs_compat from 2025-04-01): as workerd, text and
  // secret bindings appear in process.env as they are, JSON ones as their JSON text
  if ((type === 'text' || type === 'secret' || type === 'json') && populatesProcessEnv()) processEnv[name] = value;
}

function populatesProcessEnv() {
  return compatibilityFlag('nodejs_compat_populate_process_env')
    && (compatibilityFlag('nodejs_compat') || compatibilityFlag('nodejs_compat_v2'));
}

/** Service-worker syntax (RT-2): every binding is also a global named after it. */
export function exposeBindingsAsGlobals() {
  for (const name of Object.keys(env)) {
    Object.defineProperty(globalThis, name, { value: env[name], enumerable: true, writable: true, configurable: true });
  }
}
