// RT-6 node:assert/strict: node:assert whose default export maps the loose assertions to the strict ones.

import { strict } from './assert.js';

export * from './assert.js';
export const equal = strict.equal;
export const notEqual = strict.notEqual;
export const deepEqual = strict.deepEqual;
export const notDeepEqual = strict.notDeepEqual;
export default strict;
