// A compact, Node-like value formatter for console output.

const MAX_DEPTH = 2;
const MAX_ITEMS = 100;

function quote(str) {
  return "'" + str.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
}

function keyString(key) {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

function constructorName(obj) {
  try {
    const proto = Object.getPrototypeOf(obj);
    if (proto === null) return '[Object: null prototype]';
    const ctor = proto.constructor;
    return typeof ctor === 'function' && typeof ctor.name === 'string' ? ctor.name : '';
  } catch {
    return '';
  }
}

function formatList(items, open, close, prefix = '') {
  if (items.length === 0) return `${prefix}${open}${close}`;
  const single = `${prefix}${open} ${items.join(', ')} ${close}`;
  return single.length <= 72 && !single.includes('\n')
    ? single
    : `${prefix}${open}\n  ${items.join(',\n').replace(/\n/g, '\n  ')}\n${close}`;
}

const DEFAULTS = { hidden: false, maxDepth: MAX_DEPTH };
// util.format's %o is Node's inspect with showHidden and depth 4 (one more here: it starts at depth 1)
const SHOW_HIDDEN = { hidden: true, maxDepth: 5 };

/** options.hidden: also non-enumerable own properties and an array's [length], as Node's showHidden. */
export function inspect(value, depth = 0, seen = new Set(), options = DEFAULTS) {
  switch (typeof value) {
    case 'string':
      return depth === 0 ? value : quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function': {
      const src = Function.prototype.toString.call(value);
      if (src.startsWith('class')) return `[class ${value.name || '(anonymous)'}]`;
      return value.name ? `[Function: ${value.name}]` : '[Function (anonymous)]';
    }
    default:
      break;
  }
  if (value === null) return 'null';
  if (seen.has(value)) return '[Circular]';
  if (value instanceof Error) {
    return typeof value.stack === 'string' && value.stack ? value.stack : `${value.name}: ${value.message}`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return value.toString();
  if (value instanceof Promise) return 'Promise { <unknown> }';
  if (value instanceof WeakMap) return 'WeakMap { <items unknown> }';
  if (value instanceof WeakSet) return 'WeakSet { <items unknown> }';
  if (value instanceof ArrayBuffer) {
    const bytes = Array.from(new Uint8Array(value, 0, Math.min(value.byteLength, 50)), (b) => b.toString(16).padStart(2, '0'));
    return `ArrayBuffer { [Uint8Contents]: <${bytes.join(' ')}${value.byteLength > 50 ? ' ...' : ''}>, byteLength: ${value.byteLength} }`;
  }
  const nested = depth + 1;
  seen.add(value);
  try {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const items = Array.from(value.subarray(0, MAX_ITEMS), (v) => inspect(v, nested, seen, options));
      if (value.length > MAX_ITEMS) items.push(`... ${value.length - MAX_ITEMS} more items`);
      return formatList(items, '[', ']', `${constructorName(value)}(${value.length}) `);
    }
    if (Array.isArray(value)) {
      if (depth > options.maxDepth) return '[Array]';
      const items = [];
      for (let i = 0; i < Math.min(value.length, MAX_ITEMS); i++) {
        items.push(i in value ? inspect(value[i], nested, seen, options) : '<empty>');
      }
      if (value.length > MAX_ITEMS) items.push(`... ${value.length - MAX_ITEMS} more items`);
      if (options.hidden) items.push(`[length]: ${value.length}`);
      return formatList(items, '[', ']');
    }
    if (value instanceof Map) {
      if (depth > options.maxDepth) return '[Map]';
      const items = [];
      for (const [k, v] of value) items.push(`${inspect(k, nested, seen, options)} => ${inspect(v, nested, seen, options)}`);
      return formatList(items, '{', '}', `Map(${value.size}) `);
    }
    if (value instanceof Set) {
      if (depth > options.maxDepth) return '[Set]';
      const items = [];
      for (const v of value) items.push(inspect(v, nested, seen, options));
      return formatList(items, '{', '}', `Set(${value.size}) `);
    }
    const name = constructorName(value);
    if (depth > options.maxDepth) return name && name !== 'Object' ? `[${name}]` : '[Object]';
    const items = [];
    for (const key of Reflect.ownKeys(value)) {
      const desc = Reflect.getOwnPropertyDescriptor(value, key);
      if (!desc || (!desc.enumerable && !options.hidden)) continue;
      const shown = 'value' in desc ? inspect(desc.value, nested, seen, options) : desc.get ? '[Getter]' : '[Setter]';
      items.push(desc.enumerable ? `${keyString(key)}: ${shown}` : `[${keyString(key)}]: ${shown}`);
    }
    const prefix = name === 'Object' ? '' : `${name || ''} `;
    return formatList(items, '{', '}', prefix);
  } finally {
    seen.delete(value);
  }
}

/** console-style formatting: printf-like directives in a leading string, then the rest space-separated. */
export function formatArgs(args) {
  if (args.length === 0) return '';
  let out = '';
  let rest = 0;
  if (typeof args[0] === 'string') {
    const fmt = args[0];
    rest = 1;
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt[i];
      if (c !== '%' || i + 1 >= fmt.length) {
        out += c;
        continue;
      }
      const d = fmt[i + 1];
      if (d === '%') {
        out += '%';
        i++;
        continue;
      }
      if (rest >= args.length || !'sdifjoOc'.includes(d)) {
        out += c;
        continue;
      }
      const arg = args[rest++];
      i++;
      switch (d) {
        case 's': out += typeof arg === 'string' ? arg : inspect(arg, 1); break;
        case 'd':
        case 'i': out += typeof arg === 'bigint' ? `${arg}n` : String(d === 'i' ? Math.trunc(Number(arg)) : Number(arg)); break;
        case 'f': out += String(Number(arg)); break;
        case 'j':
          try { out += JSON.stringify(arg); } catch { out += '[Circular]'; }
          break;
        case 'o': out += inspect(arg, 1, new Set(), SHOW_HIDDEN); break;
        case 'O': out += inspect(arg, 1); break;
        case 'c': break;
        default: break;
      }
    }
  } else {
    out = inspect(args[0]);
    rest = 1;
  }
  for (let i = rest; i < args.length; i++) {
    out += ' ' + inspect(args[i]);
  }
  return out;
}
