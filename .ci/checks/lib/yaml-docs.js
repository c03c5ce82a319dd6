'use strict';
// Reads a multi-document YAML stream (helm template output) into plain objects; empty documents
// are dropped. Each object remembers the template it came from ("# Source:" comment) for messages.
const YAML = require('yaml');

function parseDocs(text, origin) {
  const docs = [];
  for (const d of YAML.parseAllDocuments(text)) {
    if (d.errors.length) throw new Error(`${origin}: YAML error: ${d.errors[0].message}`);
    const obj = d.toJS();
    if (obj === null || obj === undefined) continue;
    const src = /Source: (\S+)/.exec(`${d.commentBefore || ''} ${(d.contents && d.contents.commentBefore) || ''}`);
    Object.defineProperty(obj, '__source', { value: src ? src[1] : origin, enumerable: false });
    docs.push(obj);
  }
  return docs;
}

module.exports = { parseDocs };
