// Exercises env.DB (checklist D1-2..D1-9, D1-12) against FakeD1 and reports what it saw as JSON.
function err(e) {
  return { name: e.name, message: e.message, cause: e.cause === undefined ? null : e.cause.message };
}
function syncError(f) {
  try {
    f();
    return 'no error';
  } catch (e) {
    return err(e);
  }
}
async function asyncError(p) {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return err(e);
  }
}

export default {
  async fetch(request, env) {
    const db = env.DB;
    const out = {};
    // D1-2: immutable statements, bind() returns a new one; type errors are synchronous.
    const base = db.prepare('ECHO ?1 ?2');
    const bound = base.bind(1, 'x');
    out.distinct = base !== bound;
    out.baseAfterBind = (await base.raw())[0];
    out.types = await db.prepare('ECHO').bind(42, 1.5, 'héllo', null, true, false,
      new Uint8Array([1, 2, 255]).buffer, new Uint8Array([9, 8, 7, 6]).subarray(1, 3), [3, 4], 2 ** 53, -0).first();
    out.undefinedError = syncError(() => db.prepare('ECHO').bind(undefined));
    out.bigintError = syncError(() => db.prepare('ECHO').bind(1n));
    out.objectError = syncError(() => db.prepare('ECHO').bind({ a: 1 }));
    out.dateError = syncError(() => db.prepare('ECHO').bind(new Date(0)).toString().slice(0, 0));
    out.badArray = syncError(() => db.prepare('ECHO').bind([1, 256]));
    // D1-2: statement and params are readable, as on workerd's D1PreparedStatement (BLOBs as byte arrays)
    const inspected = db.prepare('ECHO ?1 ?2').bind('a', new Uint8Array([1, 2]));
    out.inspect = { statement: inspected.statement, params: inspected.params };
    // D1-3
    out.all = await db.prepare('ROWS').all();
    out.run = await db.prepare('EMPTY').run();
    out.first = await db.prepare('ROWS').first();
    out.firstCol = await db.prepare('ROWS').first('name');
    out.firstEmpty = await db.prepare('EMPTY').first();
    out.firstEmptyCol = await db.prepare('EMPTY').first('nope');
    out.firstMissing = await asyncError(db.prepare('ROWS').first('nope'));
    out.raw = await db.prepare('ROWS').raw();
    out.rawNames = await db.prepare('ROWS').raw({ columnNames: true });
    // D1-4
    const batch = await db.batch([db.prepare('ECHO ?').bind(1), db.prepare('ROWS')]);
    out.batch = batch.map((r) => r.results);
    out.batchFail = await asyncError(db.batch([db.prepare('ECHO ?').bind(2), db.prepare('FAIL')]));
    out.batchEmpty = await db.batch([]);
    // D1-12
    out.queryFail = await asyncError(db.prepare('FAIL').all());
    // D1-5, D1-6
    out.exec = await db.exec('CREATE TABLE a(x)\nINSERT INTO a VALUES (1)');
    out.execFail = await asyncError(db.exec('SELECT 1\nbad'));
    out.dump = await asyncError(db.dump());
    // D1-7
    // D1-7 (workerd's shim): blank after trim means "first-unconstrained", no error.
    out.blankSession = db.withSession('  ').getBookmark();
    const session = db.withSession();
    out.bookmarkBefore = session.getBookmark();
    await session.prepare('ROWS').all();
    const b1 = session.getBookmark();
    await session.batch([session.prepare('ECHO ?').bind(5)]);
    out.bookmarkGrows = session.getBookmark() > b1;
    out.bookmarkShape = /^[0-9a-f]{8}-/.test(b1);
    const resumed = db.withSession(b1);
    // D1-7: a session started from a bookmark reports it before its first query (as workerd's shim does).
    out.resumedBefore = resumed.getBookmark() === b1;
    await resumed.prepare('EMPTY').first();
    out.resumedBookmark = resumed.getBookmark() > b1;
    return Response.json(out);
  },
};
