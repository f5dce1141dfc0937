import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Finds any run of `k` bytes of any plaintext inside any haystack (exact: every offset of
 * every plaintext is indexed with two 32-bit rolling hashes, every offset of every haystack
 * is looked up, and hits are confirmed byte by byte).
 *
 * Windows with fewer than MIN_DISTINCT different byte values (runs of zeros, repeated
 * padding, constant tables) are not indexed: they occur in any file (SQLite's zeroed header
 * fields, for one) and tell nothing about the plaintext.
 */
export const MIN_DISTINCT = 8;

function distinct(buf, off, k) {
  const seen = new Set();
  for (let i = off; i < off + k; i++) seen.add(buf[i]);
  return seen.size;
}

export function findPlaintextRuns(plaintexts, haystacks, k = 32) {
  const B1 = 0x01000193;
  const B2 = 0x5bd1e995 | 1;
  const pow = (b) => {
    let p = 1;
    for (let i = 0; i < k - 1; i++) p = Math.imul(p, b);
    return p;
  };
  const P1 = pow(B1);
  const P2 = pow(B2);
  let total = 0;
  for (const p of plaintexts) total += Math.max(0, p.bytes.length - k + 1);
  let size = 1;
  while (size < total * 2) size <<= 1;
  const mask = size - 1;
  const h1s = new Uint32Array(size);
  const h2s = new Uint32Array(size);
  const owner = new Int32Array(size).fill(-1);
  const pos = new Int32Array(size);

  function* windows(buf) {
    if (buf.length < k) return;
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < k; i++) {
      h1 = (Math.imul(h1, B1) + buf[i]) | 0;
      h2 = (Math.imul(h2, B2) + buf[i]) | 0;
    }
    yield [0, h1 >>> 0, h2 >>> 0];
    for (let i = k; i < buf.length; i++) {
      const out = buf[i - k];
      h1 = (Math.imul(h1 - Math.imul(out, P1), B1) + buf[i]) | 0;
      h2 = (Math.imul(h2 - Math.imul(out, P2), B2) + buf[i]) | 0;
      yield [i - k + 1, h1 >>> 0, h2 >>> 0];
    }
  }

  plaintexts.forEach((p, pi) => {
    for (const [off, h1, h2] of windows(p.bytes)) {
      if (distinct(p.bytes, off, k) < MIN_DISTINCT) continue;
      let slot = h1 & mask;
      while (owner[slot] !== -1) {
        if (h1s[slot] === h1 && h2s[slot] === h2) break;
        slot = (slot + 1) & mask;
      }
      if (owner[slot] === -1) {
        owner[slot] = pi;
        pos[slot] = off;
        h1s[slot] = h1;
        h2s[slot] = h2;
      }
    }
  });

  const hits = [];
  for (const h of haystacks) {
    for (const [off, h1, h2] of windows(h.bytes)) {
      let slot = h1 & mask;
      while (owner[slot] !== -1) {
        if (h1s[slot] === h1 && h2s[slot] === h2) {
          const p = plaintexts[owner[slot]];
          if (Buffer.compare(p.bytes.subarray(pos[slot], pos[slot] + k), h.bytes.subarray(off, off + k)) === 0) {
            hits.push(`${k} bytes of ${p.name} (at ${pos[slot]}) found in ${h.name} at ${off}`);
          }
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (hits.length > 20) return hits;
    }
  }
  return hits;
}

/** Every string in `needles` (UTF-8, also JSON-escaped) found in any haystack. */
export function findStrings(needles, haystacks) {
  const hits = [];
  for (const n of needles) {
    const forms = new Set([n, JSON.stringify(n).slice(1, -1), encodeURIComponent(n)]);
    for (const f of forms) {
      const b = Buffer.from(f, 'utf8');
      for (const h of haystacks) {
        if (b.length && h.bytes.indexOf(b) !== -1) hits.push(`"${n}" found in ${h.name}`);
      }
    }
  }
  return hits;
}

/** Every file under `dir`, as haystacks. */
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push({ name: p, bytes: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

/**
 * The strings of a JSON body that are Base64 (as the API sends every ciphertext), decoded, by
 * their path: a plaintext sent in one of them (metadata JSON in clear, say) is then found
 * like one sent as raw bytes.
 */
export function base64Fields(body) {
  let json;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return [];
  }
  const out = [];
  const walk = (v, at) => {
    if (typeof v === 'string') {
      if (v.length >= 16 && /^[A-Za-z0-9+/]+={0,2}$/.test(v) && v.length % 4 === 0) out.push({ at, bytes: Buffer.from(v, 'base64') });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    }
  };
  walk(json, '$');
  return out;
}

/** The recorded requests as haystacks: URL, headers and body of each, and the body's Base64 fields decoded. */
export function requestHaystacks(records) {
  return records.flatMap((r, i) => [
    { name: `request ${i} URL (${r.method} ${r.url})`, bytes: Buffer.from(r.url, 'utf8') },
    { name: `request ${i} headers (${r.method} ${r.url})`, bytes: Buffer.from(r.rawHeaders.join('\n'), 'utf8') },
    { name: `request ${i} body (${r.method} ${r.url})`, bytes: r.body },
    ...base64Fields(r.body).map((f) => ({ name: `request ${i} body ${f.at} decoded from Base64 (${r.method} ${r.url})`, bytes: f.bytes })),
  ]);
}

/**
 * Asserts that `stored` holds the server's database: the SQLite file, or on PostgreSQL the
 * rows of its tables, with complete documents among them.
 */
export function assertDatabaseScanned(stored, database) {
  if (database === 'postgres') {
    const documents = stored.find((f) => f.name === 'postgres table documents');
    assert.ok(documents && documents.bytes.includes(Buffer.from('complete')), 'the PostgreSQL rows are scanned');
  } else {
    assert.ok(stored.some((f) => f.name.endsWith('pde.sqlite')), 'the database file is scanned');
  }
}
