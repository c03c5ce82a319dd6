// RT-6 node:async_hooks AsyncLocalStorage under nodejs_compat: store across awaits, timers, nested run and exit
// compatibility-flags: nodejs_compat
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';

const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();

async function deep(log, label) {
  await null;
  log.push(`${label}:${als.getStore()?.id}`);
  await new Promise((r) => setTimeout(r, 1));
  log.push(`${label}-after-timer:${als.getStore()?.id}`);
}

export default {
  async fetch() {
    const log = [];
    log.push(`outside:${als.getStore()}`);
    const value = await als.run({ id: 'req' }, async () => {
      log.push(`sync:${als.getStore().id}`);
      await Promise.resolve();
      log.push(`after-await:${als.getStore().id}`);
      await deep(log, 'deep');
      await new Promise((resolve) => setTimeout(() => {
        log.push(`timer:${als.getStore().id}`);
        resolve();
      }, 1));
      queueMicrotask(() => log.push(`microtask:${als.getStore().id}`));
      await Promise.resolve();
      const nested = als.run({ id: 'inner' }, () => als.getStore().id);
      log.push(`nested:${nested} back:${als.getStore().id}`);
      log.push(`exit:${als.exit(() => als.getStore())}`);
      other.run(7, () => log.push(`two:${als.getStore().id},${other.getStore()}`));
      const resource = new AsyncResource('test');
      log.push(`resource:${als.run({ id: 'elsewhere' }, () => resource.runInAsyncScope(() => als.getStore().id))}`);
      const bound = AsyncLocalStorage.bind(() => als.getStore()?.id);
      log.push(`bound:${als.run({ id: 'other' }, bound)}`);
      return als.getStore().id;
    });
    log.push(`returned:${value}`);
    log.push(`sync-return:${als.run(1, () => 'plain')}`);
    return Response.json(log);
  },
};
