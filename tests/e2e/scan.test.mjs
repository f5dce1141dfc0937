// The plaintext scanner must find what it looks for, or the leak checks prove nothing.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import test from 'node:test';
import { findPlaintextRuns, findStrings, requestHaystacks } from './lib/scan.mjs';

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

test('finds a plaintext sent Base64-encoded in a JSON field of a request, as a thumbnail in clear metadata would be', () => {
  const thumb = randomBytes(3000);
  const meta = JSON.stringify({ v: 1, title: 'Carte', thumb: { mime: 'image/webp', data: thumb.toString('base64') } });
  const body = Buffer.from(JSON.stringify({ size: 1234, metadata: Buffer.from(meta).toString('base64'), envelope: randomBytes(200).toString('base64') }));
  const sent = requestHaystacks([{ method: 'POST', url: '/api/v1/documents', rawHeaders: [], body }]);
  assert.ok(findStrings([thumb.toString('base64')], sent).some((h) => h.includes('$.metadata decoded from Base64')));
  assert.ok(findStrings(['Carte'], sent).length > 0);
  // Raw bytes in the request are found as before; random Base64 fields hide nothing.
  const raw = requestHaystacks([{ method: 'PUT', url: '/x', rawHeaders: [], body: Buffer.concat([randomBytes(10), thumb.subarray(100, 140)]) }]);
  assert.ok(findPlaintextRuns([{ name: 'thumbnail', bytes: thumb }], raw).length > 0);
  assert.deepEqual(findPlaintextRuns([{ name: 'thumbnail', bytes: thumb }], requestHaystacks([{ method: 'POST', url: '/y', rawHeaders: [], body: Buffer.from(JSON.stringify({ c: randomBytes(500).toString('base64') })) }])), []);
});
