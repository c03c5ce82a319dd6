// CommonJS module parts (non-main `application/javascript` modules, wrangler's "CommonJS" rule): each runs once,
// when first required or imported; an ES module importing one gets module.exports as its default export and
// the keys of module.exports as named exports. require() reaches the bundle's CommonJS modules only.

const factories = new Map();
const cache = new Map();

export function defineCommonJs(name, factory) {
  factories.set(name, factory);
}

function join(directory, relative) {
  const parts = directory === '' ? [] : directory.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join('/');
}

function resolve(directory, specifier) {
  const base = specifier.startsWith('./') || specifier.startsWith('../') ? join(directory, specifier)
    : join('', specifier.startsWith('/') ? specifier.slice(1) : specifier);
  if (base === null) return null;
  for (const candidate of [base, `${base}.js`, `${base}.cjs`, `${base}/index.js`]) {
    if (factories.has(candidate)) return candidate;
  }
  return null;
}

function load(name) {
  const cached = cache.get(name);
  if (cached !== undefined) return cached.exports;
  const module = { exports: {}, id: name, loaded: false };
  cache.set(name, module);
  const directory = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
  const require = (specifier) => {
    const target = resolve(directory, String(specifier));
    if (target === null) {
      throw new Error(`Cannot find module '${specifier}' imported from '${name}' (require() reaches the bundle's CommonJS modules only).`);
    }
    return load(target);
  };
  factories.get(name).call(module.exports, module.exports, require, module, name, directory);
  module.loaded = true;
  return module.exports;
}

/** The export object of the synthetic ES module standing for CommonJS module {@code name}. */
export function commonJsNamespace(name) {
  const exports = load(name);
  const namespace = { default: exports };
  if (exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
    for (const key of Object.keys(exports)) {
      if (key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key)) namespace[key] = exports[key];
    }
  }
  return namespace;
}
