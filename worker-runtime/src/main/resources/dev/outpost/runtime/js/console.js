// console: formats in JS, then one host call per line to the Java log (with worker name and request id).

import { host } from './host.js';
import { formatArgs, inspect } from './inspect.js';
import { describeError } from './errors.js';

const counts = new Map();
const timers = new Map();
let indent = '';

function emit(level, args) {
  host.log(level, indent === '' ? formatArgs(args) : indent + formatArgs(args).replace(/\n/g, '\n' + indent));
}

export const console = {
  log: (...args) => emit('log', args),
  info: (...args) => emit('info', args),
  debug: (...args) => emit('debug', args),
  warn: (...args) => emit('warn', args),
  error: (...args) => emit('error', args),
  trace: (...args) => {
    const stack = (new Error().stack ?? '').split('\n').slice(2).join('\n');
    emit('debug', ['Trace: ' + formatArgs(args) + (stack ? '\n' + stack : '')]);
  },
  dir: (value) => emit('log', [inspect(value, 1)]),
  dirxml: (...args) => emit('log', args),
  table: (...args) => emit('log', args),
  assert: (condition, ...args) => {
    if (!condition) emit('error', ['Assertion failed' + (args.length ? ': ' + formatArgs(args) : '')]);
  },
  count: (label = 'default') => {
    const n = (counts.get(label) ?? 0) + 1;
    counts.set(label, n);
    emit('info', [`${label}: ${n}`]);
  },
  countReset: (label = 'default') => counts.delete(label),
  group: (...args) => {
    if (args.length) emit('log', args);
    indent += '  ';
  },
  groupCollapsed: (...args) => console.group(...args),
  groupEnd: () => {
    indent = indent.slice(2);
  },
  // inspector-only in workerd: present, and they log nothing
  clear: () => undefined,
  profile: () => undefined,
  profileEnd: () => undefined,
  timeStamp: () => undefined,
  context: () => console,
  time: (label = 'default') => timers.set(label, Date.now()),
  timeLog: (label = 'default', ...args) => {
    const start = timers.get(label);
    if (start !== undefined) emit('info', [`${label}: ${Date.now() - start}ms`, ...args]);
  },
  timeEnd: (label = 'default') => {
    const start = timers.get(label);
    if (start !== undefined) {
      timers.delete(label);
      emit('info', [`${label}: ${Date.now() - start}ms`]);
    }
  },
};

/** Reports an exception nobody caught (timer callbacks, queueMicrotask) the way the platform logs it. */
export function reportError(error) {
  host.log('error', 'Uncaught ' + describeError(error));
}
