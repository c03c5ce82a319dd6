import { DurableObject } from 'cloudflare:workers';

// DO-6: a DurableObject subclass, served by fetch and RPC, storage in ctx.storage (DO-8) and ctx.storage.sql (DO-9).
export class Counter extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.activations = 1;
    ctx.blockConcurrencyWhile(async () => {
      this.loaded = (await ctx.storage.get('count')) ?? 0;
    });
  }

  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/boom') throw new RangeError('fetch went wrong');
    const count = ((await this.ctx.storage.get('count')) ?? 0) + 1;
    await this.ctx.storage.put('count', count);
    return Response.json({ count, name: this.ctx.id.name ?? null, id: this.ctx.id.toString(), greeting: this.env.GREETING });
  }

  async increment(by = 1) {
    const count = ((await this.ctx.storage.get('count')) ?? 0) + by;
    await this.ctx.storage.put('count', count);
    return count;
  }

  /** Reads, waits on a timer, then writes: only correct when the object's events do not interleave (DO-13). */
  async slowIncrement() {
    const count = (await this.ctx.storage.get('slow')) ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 2));
    await this.ctx.storage.put('slow', count + 1);
    return count + 1;
  }

  async kvTour() {
    const s = this.ctx.storage;
    await s.deleteAll();
    await s.put({ a: 1, b: { nested: [1, 2] }, c: new Date(5), 'ca': 'x', d: new Map([[1, 2]]), e: new Uint8Array([7, 8]) });
    const listed = [...(await s.list()).keys()];
    const many = await s.get(['b', 'zz', 'a']);
    const range = [...(await s.list({ start: 'b', end: 'd' })).keys()];
    const after = [...(await s.list({ startAfter: 'b', limit: 2 })).keys()];
    const prefix = [...(await s.list({ prefix: 'c' })).keys()];
    const reversed = [...(await s.list({ reverse: true, limit: 2 })).keys()];
    const date = (await s.get('c')) instanceof Date;
    const deletedOne = await s.delete('a');
    const deletedMissing = await s.delete('a');
    const deletedMany = await s.delete(['b', 'c', 'nope']);
    let rolledBack;
    try {
      await s.transaction(async (txn) => {
        await txn.put('t', 1);
        throw new Error('undo');
      });
    } catch (e) {
      rolledBack = (await s.get('t')) === undefined;
    }
    await s.transaction(async (txn) => { await txn.put('t2', 2); });
    let tooMany;
    try {
      await s.get(Array.from({ length: 129 }, (_, i) => `k${i}`));
    } catch (e) {
      tooMany = e.message;
    }
    return {
      listed, many: [...many.entries()], range, after, prefix, reversed, deletedOne, deletedMissing, deletedMany,
      rolledBack, committed: await s.get('t2'), date,
      map: (await s.get('d')).get(1), bytes: [...(await s.get('e'))], tooMany,
    };
  }

  sqlTour() {
    const sql = this.ctx.storage.sql;
    sql.exec('CREATE TABLE IF NOT EXISTS people (id INTEGER PRIMARY KEY, name TEXT, photo BLOB)');
    sql.exec('DELETE FROM people');
    const inserted = sql.exec('INSERT INTO people (name, photo) VALUES (?, ?), (?, ?)', 'ada', new Uint8Array([1, 2]).buffer, 'bob', null);
    const cursor = sql.exec('SELECT name, photo FROM people ORDER BY name');
    const columns = cursor.columnNames;
    const first = cursor.next().value;
    const rest = cursor.raw().toArray();
    let oneError;
    try {
      sql.exec('SELECT * FROM people').one();
    } catch (e) {
      oneError = e.message;
    }
    // several statements in one exec: all run, the bindings and the cursor are the last one's
    const multi = sql.exec(`CREATE TABLE IF NOT EXISTS tags (name TEXT); DELETE FROM tags;
      INSERT INTO tags VALUES ('a;b'); -- a comment; not a statement
      INSERT INTO tags VALUES ('c'); SELECT name FROM tags WHERE name != ? ORDER BY name;`, 'zzz');
    const multiRows = multi.toArray().map((r) => r.name);
    let beginError;
    try {
      sql.exec('BEGIN TRANSACTION');
    } catch (e) {
      beginError = e.message;
    }
    return {
      written: inserted.rowsWritten, columns, firstName: first.name, photo: [...new Uint8Array(first.photo)], rest,
      rowsRead: cursor.rowsRead, one: sql.exec('SELECT count(*) AS n FROM people').one().n, oneError, beginError,
      size: sql.databaseSize > 0, multiRows, multiWritten: multi.rowsWritten,
    };
  }

  whoAmI() {
    return { name: this.ctx.id.name ?? null, loaded: this.loaded, activations: this.activations };
  }

  async fail() {
    throw new TypeError('nope');
  }

  // DO-12: arms the alarm after delayMs; alarm() throws on its first failTimes runs.
  async armAlarm(delayMs, failTimes) {
    await this.ctx.storage.put('alarmFailTimes', failTimes);
    await this.ctx.storage.put('alarmRuns', []);
    await this.ctx.storage.setAlarm(Date.now() + delayMs);
    return (await this.ctx.storage.getAlarm()) !== null;
  }

  async alarm(info) {
    const runs = (await this.ctx.storage.get('alarmRuns')) ?? [];
    runs.push({ retryCount: info.retryCount, isRetry: info.isRetry, name: this.ctx.id.name ?? null });
    await this.ctx.storage.put('alarmRuns', runs);
    if (runs.length <= ((await this.ctx.storage.get('alarmFailTimes')) ?? 0)) throw new Error('alarm fails on purpose');
    if ((await this.ctx.storage.get('alarmRearm')) === true) {
      await this.ctx.storage.put('alarmRearm', false);
      await this.ctx.storage.setAlarm(Date.now());
    }
  }

  async alarmState() {
    return { runs: (await this.ctx.storage.get('alarmRuns')) ?? [], alarm: await this.ctx.storage.getAlarm() };
  }

  async rearmOnce() {
    await this.ctx.storage.put('alarmFailTimes', 0);
    await this.ctx.storage.put('alarmRuns', []);
    await this.ctx.storage.put('alarmRearm', true);
    await this.ctx.storage.setAlarm(new Date(Date.now() - 60_000)); // a past time runs as soon as possible
  }

  // DO-12: the alarm API itself: one alarm, replaced by setAlarm, kept by deleteAll, part of transactions.
  async alarmApi() {
    const s = this.ctx.storage;
    await s.deleteAlarm();
    const none = await s.getAlarm();
    const at = Date.now() + 3_600_000;
    await s.setAlarm(at - 1000);
    await s.setAlarm(new Date(at));
    const replaced = (await s.getAlarm()) === at;
    await s.deleteAll();
    const keptByDeleteAll = (await s.getAlarm()) === at;
    try {
      await s.transaction(async (txn) => {
        await txn.setAlarm(at + 1000);
        throw new Error('undo');
      });
    } catch (e) {
      // rolled back below
    }
    const rolledBack = (await s.getAlarm()) === at;
    await s.transaction(async (txn) => { await txn.deleteAlarm(); });
    const deletedInTxn = await s.getAlarm();
    let badType;
    try {
      await s.setAlarm('soon');
    } catch (e) {
      badType = e.name;
    }
    return { none, replaced, keptByDeleteAll, rolledBack, deletedInTxn, badType };
  }

  // DO-9: ctx.storage.kv (synchronous) and transactionSync on a SQLite-backed class.
  syncTour() {
    const s = this.ctx.storage;
    const kv = s.kv;
    kv.put('sync-a', { x: 1 });
    kv.put('sync-b', 2);
    const a = kv.get('sync-a');
    const listed = [...kv.list({ prefix: 'sync-' })].map(([k]) => k);
    const deleted = kv.delete('sync-b');
    let rolledBack;
    try {
      s.transactionSync(() => {
        kv.put('sync-c', 3);
        s.sql.exec('CREATE TABLE IF NOT EXISTS sync_t (v)');
        s.sql.exec('INSERT INTO sync_t VALUES (1)');
        throw new Error('undo');
      });
    } catch (e) {
      rolledBack = kv.get('sync-c') === undefined && e.message === 'undo';
    }
    const committed = s.transactionSync(() => {
      kv.put('sync-d', 4);
      return 'done';
    });
    return { a, listed, deleted, rolledBack, committed, d: kv.get('sync-d') };
  }

  async asyncSeesSync() {
    return this.ctx.storage.get('sync-d');
  }

  // DO-5 inside an object: a stub from this.env calls another object (RPC and fetch).
  async callOther(name, by) {
    const other = this.env.COUNTER.getByName(name);
    const viaRpc = await other.increment(by);
    const viaFetch = await (await other.fetch('https://other/x')).json();
    let remote;
    try {
      await other.fail();
    } catch (e) {
      remote = { name: e.name, message: e.message, remote: e.remote ?? null };
    }
    return { viaRpc, viaFetch: viaFetch.count, name: viaFetch.name, remote };
  }

  // DO-5 inside an object, to an object another shard owns: a failure on the way is not remote and may be retried.
  async callElsewhere(name) {
    try {
      return { value: await this.env.COUNTER.getByName(name).increment(1) };
    } catch (e) {
      return { message: e.message, remote: e.remote ?? null, retryable: e.retryable ?? null };
    }
  }

  // Bindings that call out: present in this.env, failing clearly when they cannot work here.
  async bindingErrors() {
    const out = { kvType: typeof this.env.KV?.get, d1Type: typeof this.env.DB?.prepare };
    try {
      await this.env.KV.get('k');
    } catch (e) {
      out.kv = e.message;
    }
    try {
      await this.env.DB.prepare('SELECT 1').first();
    } catch (e) {
      out.d1 = e.message;
    }
    try {
      await this.env.BUCKET.get('k');
    } catch (e) {
      out.r2 = e.message;
    }
    try {
      await this.env.Q.send({ n: 1 });
    } catch (e) {
      out.queue = e.message;
    }
    return out;
  }

  // SVC-2/SVC-3 inside an object: the service binding goes to the gateway's WorkerDispatchService
  async serviceCalls() {
    const response = await this.env.HELPER.fetch('https://helper/path?q=1',
      { method: 'PUT', body: 'payload', headers: { 'x-from': 'object' } });
    let gone;
    try {
      await this.env.HELPER.gone();
    } catch (e) {
      gone = e.message;
    }
    return { status: response.status, statusText: response.statusText, echo: response.headers.get('x-echo'),
      text: await response.text(), sum: await this.env.HELPER.add(2, { n: 3 }), gone };
  }
}

// DO-6 legacy: a plain class with constructor(state, env) and fetch; no RPC.
export class Legacy {
  constructor(state, env) {
    this.state = state;
  }

  async fetch() {
    const n = ((await this.state.storage.get('n')) ?? 0) + 1;
    await this.state.storage.put('n', n);
    return new Response(`legacy ${n}`);
  }

  notRpc() {
    return 'should not be reachable';
  }
}

export default {
  fetch() {
    return new Response('worker');
  },
};
