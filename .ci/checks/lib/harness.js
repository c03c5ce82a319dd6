'use strict';
// A tiny test runner for the checks: named cases, one line each, and a closing summary in the
// "N passed, N failed" form that CI reads, followed by a PASS/FAIL line.
class Harness {
  constructor(name) {
    this.name = name;
    this.passed = 0;
    this.failed = [];
  }

  // fn throws (or returns a non-empty array of problems) to fail the case.
  check(title, fn) {
    let problems;
    try {
      const r = fn();
      problems = Array.isArray(r) ? r : [];
    } catch (e) {
      problems = [e.message];
    }
    if (problems.length === 0) {
      this.passed++;
      console.log(`  ok      ${title}`);
    } else {
      this.failed.push(title);
      console.log(`  FAILED  ${title}`);
      for (const p of problems.slice(0, 25)) console.log(`            ${String(p).replace(/\n/g, '\n            ')}`);
      if (problems.length > 25) console.log(`            ... and ${problems.length - 25} more`);
    }
  }

  section(title) {
    console.log(`\n${title}`);
  }

  finish(detail) {
    console.log('');
    console.log(`${this.name}: ${this.passed} passed, ${this.failed.length} failed`);
    if (this.failed.length) {
      console.log(`FAIL ${this.name}: ${this.failed.length} of ${this.passed + this.failed.length} checks failed (marked FAILED above)`);
      process.exitCode = 1;
    } else {
      console.log(`PASS ${this.name}${detail ? ` (${detail})` : ''}`);
    }
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

module.exports = { Harness, assert, assertEqual };
