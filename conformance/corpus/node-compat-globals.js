// RT-6 nodejs_compat from 2024-09-23 (nodejs_compat_v2): global Buffer/process/global/setImmediate, bare names import, process basics
// compatibility-flags: nodejs_compat
import process from 'node:process';
import { nextTick, env } from 'process';
import buffer from 'buffer';
import events from 'events';
import util from 'util';
import path from 'path';
import assert from 'assert';
import stringDecoder from 'string_decoder';
import crypto from 'crypto';
import asyncHooks from 'async_hooks';
import types from 'util/types';
import nodeTypes from 'node:util/types';
import strict from 'assert/strict';
import posix from 'path/posix';

export default {
  async fetch() {
    const order = [];
    await new Promise((resolve) => {
      nextTick((a, b) => order.push(`tick:${a}${b}`), 1, 2);
      setImmediate(() => {
        order.push('immediate');
        resolve();
      });
      order.push('sync');
    });
    const modules = { buffer, events, util, path, assert, stringDecoder, crypto, asyncHooks, types, nodeTypes, strict, posix };
    return Response.json({
      globals: [typeof Buffer, typeof globalThis.process, global === globalThis, typeof setImmediate, typeof clearImmediate],
      same: globalThis.process === process, env: Object.keys(env), platform: process.platform, order,
      modules: Object.fromEntries(Object.entries(modules).map(([k, v]) => [k, typeof v])),
      identity: [buffer.Buffer === Buffer, types.isDate === nodeTypes.isDate, posix.join === path.join, util.types.isDate(new Date())],
      bufferModule: process.getBuiltinModule('node:buffer').Buffer === Buffer,
    });
  },
};
