// D1Database (checklist D1-2..D1-9, D1-12): the JS half of a D1 binding. A query crosses as one flat array
// [sql0, params0, sql1, params1, ...] with params already normalized here (null, number, string, ArrayBuffer);
// results come back as one JSON text (columns + rows + meta) and are shaped here. A query whose params are only
// null, finite numbers and strings (nearly every one) crosses as one string instead (statementText): reading
// arrays element by element costs the host a JNI call and a V8 handle each.

import { host } from './host.js';
import { assertInRequest } from './errors.js';
import { hostCall } from './async.js';

const CONSTRUCT = Symbol('D1Database');
const PREFIX = /^(D1_[A-Z_]+): /;
const FIRST_UNCONSTRAINED = 'first-unconstrained';
const FIRST_PRIMARY = 'first-primary';
const isFiniteNumber = Number.isFinite; // captured before user code runs

/** D1-12: an Error with D1's message and cause = Error(message without its prefix). */
function d1Error(message, cause = undefined) {
  const text = String(message);
  const m = PREFIX.exec(text);
  return new Error(text, { cause: new Error(cause ?? (m ? text.slice(m[0].length) : text)) });
}

function describe(value) {
  try {
    return `${value}`;
  } catch {
    return String(value);
  }
}

/** D1-2 / D1-9: the accepted parameter types; anything else throws synchronously. */
function normalizeParam(value) {
  const type = typeof value;
  if (type === 'number' || type === 'string') return value;
  if (type === 'boolean') return value ? 1 : 0;
  if (type === 'object') {
    if (value === null) return null;
    if (value instanceof ArrayBuffer) return value.slice(0);
    if (ArrayBuffer.isView(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
    if (Array.isArray(value) && value.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b < 256)) {
      return new Uint8Array(value).buffer;
    }
  }
  throw d1Error(`D1_TYPE_ERROR: Type '${type}' not supported for value '${describe(value)}'`);
}

/**
 * The flat statements as one string (read by the host's D1StatementText), or undefined when a param must cross
 * as a value (a BLOB, NaN, ±Infinity). Per statement `<sql length>:<sql><param count>:`, then per param `n`
 * (null), `d<String(number)>;` or `s<length>:<string>`; lengths in UTF-16 units, so nothing is escaped.
 */
function statementText(flat) {
  let text = '';
  for (let i = 0; i < flat.length; i += 2) {
    const sql = flat[i];
    const params = flat[i + 1];
    text += sql.length + ':' + sql + params.length + ':';
    for (let j = 0; j < params.length; j++) {
      const p = params[j];
      if (p === null) {
        text += 'n';
      } else if (typeof p === 'string') {
        text += 's' + p.length + ':' + p;
      } else if (typeof p === 'number' && isFiniteNumber(p)) {
        text += 'd' + p + ';';
      } else {
        return undefined;
      }
    }
  }
  return text;
}

// A query target: the database index and, for a session, its mutable state.
class Target {
  constructor(index, session) {
    this.index = index;
    this.session = session; // null = direct call, always the primary (D1-7)
  }

  query(flat) {
    assertInRequest();
    const session = this.session;
    const constraint = session === null ? null : (session.bookmark ?? session.constraint);
    const text = statementText(flat);
    return hostCall((id) => (text !== undefined ? host.d1QueryText(id, this.index, text, constraint)
      : host.d1Query(id, this.index, flat, constraint))).then(({ a, b }) => {
      if (session !== null && typeof b === 'string' && (session.bookmark === null || b > session.bookmark)) {
        session.bookmark = b;
      }
      return JSON.parse(a);
    }, (e) => {
      throw d1Error(e?.message ?? e);
    });
  }
}

function rowsAsObjects(result) {
  const { columns, rows } = result;
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const obj = {};
    for (let c = 0; c < columns.length; c++) obj[columns[c]] = row[c];
    out[i] = obj;
  }
  return out;
}

function response(result, results) {
  return { success: true, meta: result.meta, results };
}

export class D1PreparedStatement {
  #target;
  #sql;
  #params;

  constructor(token, target, sql, params) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#target = target;
    this.#sql = sql;
    this.#params = params;
  }

  /** The SQL text, as workerd's D1PreparedStatement exposes it (some libraries log or reuse it). */
  get statement() {
    return this.#sql;
  }

  /** The bound values, as workerd's D1PreparedStatement exposes them (BLOBs as arrays of byte numbers). */
  get params() {
    return this.#params.map((p) => (p instanceof ArrayBuffer ? Array.from(new Uint8Array(p)) : p));
  }

  static sqlOf(statement) {
    if (!(statement instanceof D1PreparedStatement)) {
      throw new TypeError('D1_ERROR: batch() expects an array of D1PreparedStatement');
    }
    return [statement.#sql, statement.#params];
  }

  bind(...values) {
    if (!(#sql in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    return new D1PreparedStatement(CONSTRUCT, this.#target, this.#sql, values.map(normalizeParam));
  }

  async #one() {
    const results = await this.#target.query([this.#sql, this.#params]);
    return results[0];
  }

  async first(colName = undefined) {
    if (!(#sql in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    const result = await this.#one();
    if (result.rows.length === 0) return null;
    const row = rowsAsObjects({ columns: result.columns, rows: [result.rows[0]] })[0];
    if (colName === undefined) return row;
    const name = String(colName);
    if (!Object.prototype.hasOwnProperty.call(row, name)) {
      throw d1Error(`D1_COLUMN_NOTFOUND: Column not found (${name})`, 'Column not found');
    }
    return row[name];
  }

  async all() {
    if (!(#sql in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    const result = await this.#one();
    return response(result, rowsAsObjects(result));
  }

  async run() {
    if (!(#sql in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    const result = await this.#one();
    return response(result, rowsAsObjects(result));
  }

  async raw(options = undefined) {
    if (!(#sql in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    const result = await this.#one();
    const rows = result.rows;
    if (options?.columnNames === true) rows.unshift(result.columns);
    return rows;
  }

  get [Symbol.toStringTag]() {
    return 'D1PreparedStatement';
  }
}

async function runBatch(target, statements) {
  if (!Array.isArray(statements)) throw new TypeError('D1_ERROR: batch() expects an array of D1PreparedStatement');
  if (statements.length === 0) return [];
  const flat = [];
  for (const s of statements) flat.push(...D1PreparedStatement.sqlOf(s));
  const results = await target.query(flat);
  return results.map((r) => response(r, rowsAsObjects(r)));
}

export class D1DatabaseSession {
  #target;

  constructor(token, target) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#target = target;
  }

  prepare(query) {
    if (!(#target in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    return new D1PreparedStatement(CONSTRUCT, this.#target, String(query), []);
  }

  async batch(statements) {
    if (!(#target in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    return runBatch(this.#target, statements);
  }

  /** D1-7: the greatest bookmark seen by this session, null before its first query. */
  getBookmark() {
    if (!(#target in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    return this.#target.session.bookmark;
  }

  get [Symbol.toStringTag]() {
    return 'D1DatabaseSession';
  }
}

export class D1Database {
  #index;
  #target;

  constructor(token, index) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#index = index;
    this.#target = new Target(index, null);
  }

  prepare(query) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    return new D1PreparedStatement(CONSTRUCT, this.#target, String(query), []);
  }

  async batch(statements) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    return runBatch(this.#target, statements);
  }

  async exec(query) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    assertInRequest();
    const sql = String(query);
    try {
      const { a, b } = await hostCall((id) => host.d1Exec(id, this.#index, sql));
      return { count: a, duration: b };
    } catch (e) {
      throw d1Error(e?.message ?? e);
    }
  }

  /** D1-6: deprecated, refused as on current Cloudflare databases. */
  async dump() {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    throw d1Error('D1_DUMP_ERROR: dump() is not supported on this database; use the export API (wrangler d1 export) instead');
  }

  /** D1-7: a session starting at a constraint ("first-primary", "first-unconstrained") or a bookmark. */
  withSession(constraintOrBookmark = FIRST_UNCONSTRAINED) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    // As workerd's shim: null, undefined and blank (after trim) all mean "first-unconstrained"; a bookmark
    // given here is the session's bookmark from the start (getBookmark() returns it before any query).
    let arg = constraintOrBookmark === null || constraintOrBookmark === undefined ? '' : String(constraintOrBookmark).trim();
    if (arg === '') arg = FIRST_UNCONSTRAINED;
    const bookmark = arg === FIRST_UNCONSTRAINED || arg === FIRST_PRIMARY ? null : arg;
    return new D1DatabaseSession(CONSTRUCT, new Target(this.#index, { constraint: arg, bookmark }));
  }

  get [Symbol.toStringTag]() {
    return 'D1Database';
  }
}

export function createD1Database(index) {
  return new D1Database(CONSTRUCT, index);
}
