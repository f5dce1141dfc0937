// Browser side of the crypto benchmark: the same operations as crypto/examples/bench.rs,
// through the wasm bindings the web app uses. Results are medians of several runs.
import init, * as pde from '../client-wasm/web/src/pkg/pde_client_wasm.js';

const SIZE = 16 * 1024 * 1024;
const SLICE = 1024 * 1024;
const RUNS = 5;
const ARGON2_RUNS = 3;

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function concat(parts, total) {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

window.runCryptoBench = async () => {
  await init();
  const plain = new Uint8Array(SIZE);
  for (let i = 0; i < SIZE; i++) plain[i] = (i * 31) % 251;
  const mib = SIZE / (1024 * 1024);
  const wallet = pde.Wallet.create();
  const meta = JSON.stringify({
    v: 1, title: 'bench', category: 'other', file_name: null,
    mime: 'application/octet-stream', size: SIZE, date: null, note: null,
    added: '2026-01-01T00:00:00Z',
  });
  const enc = [];
  const dec = [];
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    const writer = wallet.newDocument(meta);
    const parts = [];
    let total = 0;
    for (let at = 0; at < SIZE; at += SLICE) {
      const c = writer.push(plain.subarray(at, at + SLICE));
      parts.push(c);
      total += c.length;
    }
    const last = writer.finish();
    parts.push(last);
    total += last.length;
    const ciphertext = concat(parts, total);
    enc.push(mib / ((performance.now() - t) / 1000));
    const envelope = writer.envelope();
    writer.free?.();

    t = performance.now();
    const doc = wallet.openDocument(envelope);
    const reader = wallet.contentReader(doc, SIZE);
    const out = [];
    let got = 0;
    for (let at = 0; at < ciphertext.length; at += SLICE) {
      const p = reader.push(ciphertext.subarray(at, at + SLICE));
      out.push(p);
      got += p.length;
    }
    const rest = reader.finish();
    out.push(rest);
    got += rest.length;
    dec.push(mib / ((performance.now() - t) / 1000));
    if (got !== SIZE) throw new Error(`round trip gave ${got} bytes`);
    wallet.forgetDocument(doc);
  }
  const argon = [];
  const salt = new Uint8Array(16).fill(9);
  for (let r = 0; r < ARGON2_RUNS; r++) {
    const t = performance.now();
    const keys = pde.derivePassphraseKeys('correct horse battery staple', salt, 65536, 3, 1);
    argon.push(performance.now() - t);
    keys.free();
  }
  wallet.lock();
  return { encrypt_mib_s: median(enc), decrypt_mib_s: median(dec), argon2_ms: median(argon) };
};
window.benchReady = true;
