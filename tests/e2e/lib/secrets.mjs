// The test's own way to a wallet's secret keys, from its recovery code alone (docs/formats.md:
// recovery code → slot seed → slot identity → the slot's plaintext W → W opens the owner
// envelopes → each document's D), with node:crypto and the `age` command. The page is never
// asked for a key, so a search of its memory does not put one there.
//
// And the searches, on CDP sessions of the page and of its crypto worker (lib/cdp.mjs): a JS heap snapshot
// (every string of the heap) and a scan of every ArrayBuffer and WebAssembly memory the heap
// holds (a snapshot lists buffers but not their bytes).
import { execFileSync } from 'node:child_process';
import { hkdfSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The 16 bytes of a recovery code in display form (26 Crockford characters and a check one). */
export function recoveryCodeBytes(code) {
  const chars = code.toUpperCase().replace(/[\s-]/g, '').slice(0, 26);
  let bits = 0n;
  for (const c of chars) {
    const v = CROCKFORD.indexOf(c);
    if (v < 0) throw new Error(`not a Crockford character: ${c}`);
    bits = (bits << 5n) | BigInt(v);
  }
  bits >>= 2n; // 130 bits: the 128 of the code, then two zero bits
  const out = Buffer.alloc(16);
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(bits & 0xffn);
    bits >>= 8n;
  }
  return out;
}

const hkdf = (ikm, info) => Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), info, 32));

/** The recovery slot's auth key and slot seed (docs/formats.md, "Recovery code slot"). */
export function recoveryKeys(code) {
  const bytes = recoveryCodeBytes(code);
  return { authKey: hkdf(bytes, 'pde/v1/recovery/auth'), slotSeed: hkdf(bytes, 'pde/v1/recovery/slot') };
}

// Bech32 (BIP 173), as age writes keys: written here because the e2e package has no
// dependency for it and it is 30 lines.
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function polymod(values) {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >> i) & 1) chk ^= gen[i];
  }
  return chk;
}
const hrpExpand = (hrp) => [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
function convert(data, from, to, pad) {
  let acc = 0;
  let bits = 0;
  const out = [];
  for (const v of data) {
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & ((1 << to) - 1));
    }
  }
  if (pad && bits > 0) out.push((acc << (to - bits)) & ((1 << to) - 1));
  return out;
}

/** `AGE-SECRET-KEY-1…` for 32 secret bytes. */
export function secretKeyText(bytes) {
  const hrp = 'age-secret-key-';
  const data = convert([...bytes], 8, 5, true);
  const mod = polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...checksum].map((d) => BECH32[d]).join('')}`.toUpperCase();
}

/** The 32 bytes of an `AGE-SECRET-KEY-1…` text (its checksum checked). */
export function secretKeyBytes(text) {
  const lower = text.trim().toLowerCase();
  const sep = lower.lastIndexOf('1');
  const hrp = lower.slice(0, sep);
  const data = [...lower.slice(sep + 1)].map((c) => BECH32.indexOf(c));
  if (data.some((d) => d < 0) || polymod([...hrpExpand(hrp), ...data]) !== 1) throw new Error('bad Bech32 key');
  return Buffer.from(convert(data.slice(0, -6), 5, 8, false));
}

/** Decrypts an age file with an identity in text form, with the `age` command. */
export function ageDecrypt(identityText, ciphertext) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pde-e2e-age-'));
  try {
    writeFileSync(path.join(dir, 'key'), `${identityText}\n`, { mode: 0o600 });
    writeFileSync(path.join(dir, 'file.age'), ciphertext);
    return execFileSync('age', ['-d', '-i', path.join(dir, 'key'), path.join(dir, 'file.age')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function call(base, method, route, body, token) {
  const headers = { 'x-pde-client': '1' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(base + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/**
 * W and every document's D of a holder's wallet, in text form and as bytes, from the recovery
 * code: a recovery log-in of the test's own (ended at once) gives the slot and the envelopes.
 */
export async function walletSecrets(base, pseudonym, code) {
  const { authKey, slotSeed } = recoveryKeys(code);
  const login = await call(base, 'POST', '/api/v1/auth/login', {
    pseudonym, method: 'recovery', auth_key: authKey.toString('base64'),
  });
  try {
    const wallet = ageDecrypt(secretKeyText(slotSeed), Buffer.from(login.slot, 'base64')).toString('utf8').trim();
    const { documents } = await call(base, 'GET', '/api/v1/documents', undefined, login.session);
    const docs = documents.map((d) => ageDecrypt(wallet, Buffer.from(d.envelope, 'base64')).toString('utf8').trim());
    return {
      wallet: { text: wallet, bytes: secretKeyBytes(wallet) },
      documents: docs.map((text) => ({ text, bytes: secretKeyBytes(text) })),
    };
  } finally {
    await call(base, 'POST', '/api/v1/auth/logout', {}, login.session).catch(() => undefined);
  }
}

/** A JS heap snapshot of a CDP target (`send` its command function, `on` its events), as text. */
export async function heapSnapshot(send, on) {
  const chunks = [];
  const off = on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await send('HeapProfiler.enable', {});
  await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  off();
  return chunks.join('');
}

/**
 * How many times each secret's bytes occur in the ArrayBuffers and WebAssembly memories of a
 * CDP target's heap. The secrets travel XORed with a mask, so the scan adds no copy of them.
 */
export async function scanBuffers(send, secrets) {
  const MASK = 0xa5;
  const masked = secrets.map((s) => [...s].map((b) => b ^ MASK));
  const counts = secrets.map(() => 0);
  for (const proto of ['ArrayBuffer.prototype', 'WebAssembly.Memory.prototype', 'SharedArrayBuffer.prototype']) {
    const p = await send('Runtime.evaluate', { expression: `typeof ${proto.split('.prototype')[0]} === 'undefined' ? undefined : ${proto}` });
    if (!p.result.objectId) continue;
    const { objects } = await send('Runtime.queryObjects', { prototypeObjectId: p.result.objectId });
    const found = await send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      returnByValue: true,
      arguments: [{ value: masked }, { value: MASK }],
      functionDeclaration: `function (masked, mask) {
        return masked.map((pat) => {
          let hits = 0;
          for (const obj of this) {
            let bytes;
            try { bytes = new Uint8Array(obj instanceof WebAssembly.Memory ? obj.buffer : obj); } catch { continue; }
            const first = pat[0] ^ mask;
            for (let i = bytes.indexOf(first); i >= 0 && i + pat.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
              let k = 1;
              while (k < pat.length && bytes[i + k] === (pat[k] ^ mask)) k++;
              if (k === pat.length) hits++;
            }
          }
          return hits;
        });
      }`,
    });
    if (found.exceptionDetails) throw new Error(`scan failed: ${JSON.stringify(found.exceptionDetails)}`);
    found.result.value.forEach((n, i) => (counts[i] += n));
  }
  return counts;
}

/** The page's own CDP session as `send` and `on`. */
export function pageTarget(cdp) {
  return {
    send: (method, params = {}) => cdp.send(method, params),
    on: (method, f) => {
      cdp.on(method, f);
      return () => cdp.off(method, f);
    },
  };
}
