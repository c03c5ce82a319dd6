'use strict';
// Validates Kubernetes manifests against the schemas of the built-in kinds that the npm package
// kubernetes-models ships (compiled AJV validators), and additionally rejects fields that the
// schema does not know (the compiled validators let unknown fields through, so a misspelt
// "readinesProbe" would otherwise pass). Known fields are read from the package's type
// declarations (.d.ts), which are generated from the same OpenAPI definitions.
const fs = require('fs');
const path = require('path');

const MODELS = path.dirname(require.resolve('kubernetes-models/package.json'));

function modelModule(apiVersion) {
  // "v1" -> kubernetes-models/v1, "apps/v1" -> kubernetes-models/apps/v1
  return `kubernetes-models/${apiVersion}`;
}

function schemaErrors(doc) {
  if (!doc || typeof doc !== 'object') return ['document is not an object'];
  const { apiVersion, kind } = doc;
  if (!apiVersion || !kind) return ['apiVersion and kind are required'];
  let Model;
  try {
    Model = require(`${modelModule(apiVersion)}/${kind}`)[kind];
  } catch (e) {
    return [`no schema for ${apiVersion} ${kind} in kubernetes-models`];
  }
  if (!Model) return [`no schema for ${apiVersion} ${kind} in kubernetes-models`];
  try {
    new Model(doc).validate();
  } catch (e) {
    return [e.message];
  }
  return unknownFields(doc, path.join(MODELS, apiVersion, `${kind}.d.ts`), `I${kind}`);
}

// ---- unknown-field check from the .d.ts declarations ----------------------------------------

const fileCache = new Map();

function parseDts(file) {
  if (fileCache.has(file)) return fileCache.get(file);
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const imports = new Map();
  for (const m of text.matchAll(/import \{ ([^}]+) \} from "([^"]+)";/g)) {
    for (const name of m[1].split(',').map((s) => s.trim())) imports.set(name, m[2]);
  }
  const aliases = new Map(); // exported alias -> local interface name
  for (const m of text.matchAll(/export \{([^}]+)\}/g)) {
    for (const part of m[1].split(',')) {
      const [local, alias] = part.trim().split(/\s+as\s+/);
      if (alias) aliases.set(alias, local);
    }
  }
  const interfaces = new Map();
  for (const m of text.matchAll(/export interface (\w+)(?: extends [\w, ]+)? \{/g)) {
    interfaces.set(m[1], parseBody(text, m.index + m[0].length));
  }
  const parsed = { file, imports, aliases, interfaces };
  fileCache.set(file, parsed);
  return parsed;
}

// Reads `"prop"?: Type;` entries up to the interface's closing brace.
function parseBody(text, start) {
  const props = new Map();
  let i = start;
  for (;;) {
    while (/\s/.test(text[i])) i++;
    if (text[i] === '}') return props;
    const m = /^"([^"]+)"\??:\s*/.exec(text.slice(i, i + 300));
    if (!m) throw new Error(`cannot parse .d.ts near: ${text.slice(i, i + 60)}`);
    i += m[0].length;
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '{' || c === '<') depth++;
      else if (c === '}' || c === '>') depth--;
      else if (c === ';' && depth === 0) break;
    }
    props.set(m[1], text.slice(i, j).trim());
    i = j + 1;
  }
}

function resolveImport(fromFile, spec) {
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), `${spec}.d.ts`);
  const [scope, pkg, ...rest] = spec.split('/');
  const pkgDir = path.dirname(require.resolve(`${scope}/${pkg}/package.json`, { paths: [MODELS] }));
  return path.join(pkgDir, ...rest) + '.d.ts';
}

// A type is: an interface of some file, Array<T>, a {[key: string]: T} map, or a leaf (string,
// number, union of literals, IntOrString, Quantity, Time, any...). Leaves are not descended into.
function resolveType(ctx, expr) {
  expr = expr.trim();
  let m = /^Array<([\s\S]+)>$/.exec(expr);
  if (m) return { array: resolveType(ctx, m[1]) };
  m = /^\{\s*\[key: string\]:\s*([\s\S]+?);?\s*\}$/.exec(expr);
  if (m) return { map: resolveType(ctx, m[1]) };
  if (!/^\w+$/.test(expr)) return { leaf: true };
  if (ctx.interfaces.has(expr)) return { file: ctx.file, iface: expr };
  const spec = ctx.imports.get(expr);
  if (!spec) return { leaf: true };
  const target = parseDts(resolveImport(ctx.file, spec));
  const local = target.aliases.get(expr) || expr;
  if (!target.interfaces.has(local)) return { leaf: true }; // a type alias such as IntOrString
  return { file: target.file, iface: local };
}

function unknownFields(doc, file, iface) {
  const errors = [];
  walk(doc, { file, iface }, '', errors);
  return errors;
}

function walk(value, type, at, errors) {
  if (value === null || value === undefined || type.leaf) return;
  if (type.array) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, type.array, `${at}/${i}`, errors));
    return;
  }
  if (type.map) {
    if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, type.map, `${at}/${k}`, errors);
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return; // type errors are AJV's job
  const ctx = parseDts(type.file);
  const props = ctx.interfaces.get(type.iface);
  for (const [key, v] of Object.entries(value)) {
    if (!props.has(key)) {
      errors.push(`data${at} has unknown field "${key}"`);
      continue;
    }
    walk(v, resolveType(ctx, props.get(key)), `${at}/${key}`, errors);
  }
}

// ---- names ------------------------------------------------------------------------------------

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

function nameErrors(doc) {
  const name = doc.metadata && doc.metadata.name;
  if (!name) return ['metadata.name is missing'];
  const errors = [];
  if (doc.kind === 'Service' && !(DNS1035_LABEL.test(name) && name.length <= 63)) {
    errors.push(`Service name "${name}" is not a DNS-1035 label of at most 63 characters`);
  } else if (!(name.length <= 253 && name.split('.').every((p) => DNS1123_LABEL.test(p)))) {
    errors.push(`name "${name}" is not a DNS-1123 subdomain`);
  }
  if (doc.kind === 'StatefulSet' && name.length > 52) {
    errors.push(`StatefulSet name "${name}" is longer than 52 characters (its controller-revision-hash label would exceed 63)`);
  }
  const labelSets = [doc.metadata.labels, doc.spec && doc.spec.template && doc.spec.template.metadata && doc.spec.template.metadata.labels];
  for (const labels of labelSets.filter(Boolean)) {
    for (const [k, v] of Object.entries(labels)) {
      if (String(v).length > 63 || !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(String(v))) {
        errors.push(`label ${k}="${v}" is not a valid label value`);
      }
    }
  }
  return errors;
}

function validate(doc) {
  return [...schemaErrors(doc), ...nameErrors(doc)];
}

module.exports = { validate };
