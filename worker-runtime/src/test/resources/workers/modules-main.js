import { greet } from './lib/greet.js';
import template from './templates/hello.txt';
import data from './data.bin';
import * as util from '../shared/util.js';

export default {
  fetch() {
    return new Response(`${greet(template.trim())} ${new Uint8Array(data).join('-')} ${util.twice(21)}`);
  },
};
