// The plaintext scanner must find what it looks for, or the leak checks prove nothing.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import test from 'node:test';
import { findPlaintextRuns, findStrings } from './lib/scan.mjs';

test('finds a 32-byte run of a plaintext planted anywhere in a haystack', () => {
  const plain = randomBytes(200_000);
  for (const at of [0, 1, 12345, 199_968]) {
    const hay = Buffer.concat([randomBytes(777), plain.subarray(at, at + 32), randomBytes(555)]);
    const hits = findPlaintextRuns([{ name: 'p', bytes: plain }], [{ name: 'h', bytes: hay }]);
    assert.equal(hits.length, 1, `offset ${at}`);
    assert.match(hits[0], new RegExp(`at ${at}\\) found in h at 777`));
  }
});

test('does not report 31-byte runs or unrelated data', () => {
  const plain = randomBytes(100_000);
  const hay = Buffer.concat([randomBytes(1000), plain.subarray(500, 531), randomBytes(1000)]);
  assert.deepEqual(findPlaintextRuns([{ name: 'p', bytes: plain }], [{ name: 'h', bytes: hay }, { name: 'r', bytes: randomBytes(1_000_000) }]), []);
});

test('finds strings, also JSON-escaped', () => {
  const hay = [{ name: 'h', bytes: Buffer.from('{"title":"Carte d\\u2019identité \\"X\\""}') }];
  assert.equal(findStrings(['identité "X"'], hay).length, 1);
  assert.equal(findStrings(['absent'], hay).length, 0);
});

test('ignores runs that are the same in any file (zeros, one repeated byte pattern)', () => {
  const plain = Buffer.concat([randomBytes(100), Buffer.alloc(64), Buffer.from('abababababababababababababababababababab'), randomBytes(100)]);
  const hay = Buffer.concat([Buffer.alloc(100), Buffer.from('abababababababababababababababababababab')]);
  assert.deepEqual(findPlaintextRuns([{ name: 'p', bytes: plain }], [{ name: 'h', bytes: hay }]), []);
});
