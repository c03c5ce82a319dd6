// RT-6 node:assert/strict: the same module as node:assert (which is strict throughout in workerd).

import { strict } from './assert.js';

export * from './assert.js';
export default strict;
