// RT-6 node:stream/promises under nodejs_compat: pipeline() and finished() of ./stream.js as promises.

import { pipeline as pipelineCallback, finished as finishedCallback } from './stream.js';

export function pipeline(...streams) {
  const last = streams[streams.length - 1];
  if (last !== null && typeof last === 'object' && !('pipe' in last) && !('write' in last)) {
    streams.pop(); // the options object ({ signal, end }) Node accepts last
  }
  return new Promise((resolve, reject) => {
    pipelineCallback(...streams, (err) => (err ? reject(err) : resolve()));
  });
}

export function finished(stream) {
  return new Promise((resolve, reject) => {
    finishedCallback(stream, (err) => (err ? reject(err) : resolve()));
  });
}

export default { pipeline, finished };
