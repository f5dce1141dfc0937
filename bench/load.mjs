// 200 concurrent clients against the release server, on SQLite and then on PostgreSQL in the
// same run. Each client loops: log in → list → download one of its documents → reserve and
// PUT a 4 KB document → log out, over keep-alive connections.
// Usage: node load.mjs [--seconds 60] [--clients 200]. Also PDE_BENCH_SECONDS.
// Prints a table per backend and `row=what|goal|measured|verdict` lines for xtask.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, startCluster, client, percentile, scratch, stopAll } from './proc.mjs';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: process.env.PDE_BENCH_SECONDS || '60' },
    clients: { type: 'string', default: '200' },
    backends: { type: 'string', default: 'sqlite,postgres' },
  },
});
const SECONDS = Number(opts.seconds);
const CLIENTS = Number(opts.clients);
if (!(SECONDS > 0) || !(CLIENTS > 0)) {
  console.error('usage: node load.mjs [--seconds N] [--clients N] [--backends sqlite,postgres]');
  process.exit(2);
}
const UPLOAD_BYTES = 4096;
const AGE_HEADER = Buffer.from('age-encryption.org/v1\n');
// An age file of `n` bytes standing in for a ciphertext (the server sees only opaque bytes).
const ageFile = (n) => Buffer.concat([AGE_HEADER, randomBytes(n - AGE_HEADER.length)]);
const b64 = (b) => b.toString('base64');
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const recipient = () => 'age1' + Array.from(randomBytes(58), (x) => BECH32[x % 32]).join('');

/** What a client knows: its pseudonym and passphrase auth key (random bytes here). */
function holder(run, i) {
  return { pseudonym: `load-${run}-${i}`, auth: randomBytes(32) };
}

function signupBody(h) {
  return {
    pseudonym: h.pseudonym,
    recipient: recipient(),
    salt: b64(randomBytes(16)),
    kdf: { alg: 'argon2id', m_kib: 65536, t: 3, p: 1 },
    passphrase_auth: b64(h.auth),
    passphrase_slot: b64(ageFile(200)),
    recovery_auth: b64(randomBytes(32)),
    recovery_slot: b64(ageFile(200)),
  };
}
const reserveBody = () => ({ size: UPLOAD_BYTES, metadata: b64(ageFile(200)), envelope: b64(ageFile(200)) });

async function must(res, want, what) {
  if (res.status !== want) throw new Error(`${what}: ${res.status} ${res.body.toString().slice(0, 200)}`);
  return res.body.length ? JSON.parse(res.body) : null;
}

/** Runs `n` tasks with at most `width` at once. */
async function pool(n, width, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, width) }, async () => {
    while (next < n) await task(next++);
  }));
}

async function measure(backend, base) {
  const api = client(base, CLIENTS + 8);
  const run = Date.now().toString(36);
  const holders = Array.from({ length: CLIENTS }, (_, i) => holder(run, i));
  const seedStart = Date.now();
  await pool(CLIENTS, 16, async (i) => {
    const h = holders[i];
    const { session } = await must(await api.call('POST', '/api/v1/accounts', { json: signupBody(h) }), 201, 'sign-up');
    const { id } = await must(await api.call('POST', '/api/v1/documents', { json: reserveBody(), token: session }), 201, 'reserve');
    await must(await api.call('PUT', `/api/v1/documents/${id}/content`, { body: ageFile(UPLOAD_BYTES), token: session }), 204, 'upload');
    await must(await api.call('POST', '/api/v1/auth/logout', { token: session }), 204, 'log-out');
  });
  console.log(`${backend}: seeded ${CLIENTS} accounts with one document each in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const times = new Map(); // route template → ms[]
  const errors = new Map(); // "route → status or error" → count
  let requests = 0;
  const record = (route, ms) => {
    requests++;
    if (!times.has(route)) times.set(route, []);
    times.get(route).push(ms);
  };
  const fail = (route, what) => {
    const key = `${route} → ${what}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  };
  // One timed request; returns the parsed answer, or null after recording an error.
  const step = async (route, want, method, path, opts) => {
    const t0 = performance.now();
    let res;
    try {
      res = await api.call(method, path, opts);
    } catch (e) {
      fail(route, e.code ?? e.message);
      return null;
    }
    record(route, performance.now() - t0);
    if (res.status !== want) {
      let code = '';
      try {
        code = ' ' + JSON.parse(res.body).error.code;
      } catch {}
      fail(route, `${res.status}${code}`);
      return null;
    }
    return res.body.length && res.body[0] === 0x7b ? JSON.parse(res.body) : {};
  };
  const payload = ageFile(UPLOAD_BYTES);
  const end = Date.now() + SECONDS * 1000;
  const started = performance.now();
  let loops = 0;
  await Promise.all(holders.map(async (h) => {
    while (Date.now() < end) {
      loops++;
      const login = await step('POST /api/v1/auth/login', 200, 'POST', '/api/v1/auth/login', {
        json: { pseudonym: h.pseudonym, method: 'passphrase', auth_key: b64(h.auth) },
      });
      if (!login) continue;
      const token = login.session;
      const list = await step('GET /api/v1/documents', 200, 'GET', '/api/v1/documents', { token });
      const docs = list?.documents ?? [];
      if (docs.length > 0) {
        const doc = docs[Math.floor(Math.random() * docs.length)];
        await step('GET /api/v1/documents/{id}/content', 200, 'GET', `/api/v1/documents/${doc.id}/content`, { token });
      }
      const reserved = await step('POST /api/v1/documents', 201, 'POST', '/api/v1/documents', { json: reserveBody(), token });
      if (reserved) {
        await step('PUT /api/v1/documents/{id}/content', 204, 'PUT', `/api/v1/documents/${reserved.id}/content`, { body: payload, token });
      }
      await step('POST /api/v1/auth/logout', 204, 'POST', '/api/v1/auth/logout', { token });
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  api.close();
  const routes = [...times.entries()].map(([route, ms]) => {
    ms.sort((a, b) => a - b);
    return { route, n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
  });
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  return { backend, seconds, requests, loops, rps: requests / seconds, routes, errors, errorCount };
}

const rows = [];
const row = (what, goal, measured, verdict = '-') => rows.push([what, goal, measured, verdict]);
const results = {};
const dir = scratch('load');
try {
  for (const backend of opts.backends.split(',')) {
    let cluster;
    let databaseUrl;
    if (backend === 'postgres') {
      cluster = await startCluster();
      cluster.psql('postgres', 'CREATE DATABASE pde_load;');
      databaseUrl = cluster.url('pde_load');
    } else if (backend !== 'sqlite') {
      throw new Error(`unknown backend ${backend}`);
    }
    const server = await startServer({ dataDir: join(dir, backend), databaseUrl, log: join(dir, `${backend}.log`) });
    console.log(`${backend}: pde-server pid ${server.pid} on ${server.url}; ${CLIENTS} clients for ${SECONDS} s`);
    try {
      results[backend] = await measure(backend, server.url);
    } finally {
      server.stop();
      cluster?.stop();
    }
    const r = results[backend];
    console.log(`\n${backend}: ${r.requests} requests in ${r.seconds.toFixed(1)} s = ${r.rps.toFixed(0)} req/s, ${r.loops} loops, ${r.errorCount} errors`);
    console.log('  route                                   count    p50 ms   p99 ms');
    for (const x of r.routes) console.log(`  ${x.route.padEnd(38)} ${String(x.n).padStart(6)} ${x.p50.toFixed(1).padStart(9)} ${x.p99.toFixed(1).padStart(8)}`);
    for (const [what, n] of r.errors) console.log(`  error: ${what} (${n}x)`);
    row(`load ${backend}: errors, ${CLIENTS} clients ${SECONDS} s`, '0', String(r.errorCount), r.errorCount === 0 ? 'yes' : 'no');
    for (const [what, n] of r.errors) row(`  ${what}`, '', `${n}x`);
    row(`load ${backend}: requests per second`, '', `${r.rps.toFixed(0)} req/s (${r.requests} requests)`);
    for (const x of r.routes) row(`  ${x.route}`, '', `p50 ${x.p50.toFixed(1)} ms, p99 ${x.p99.toFixed(1)} ms`);
  }
  const [s, p] = [results.sqlite, results.postgres];
  if (s && p) {
    row('load PostgreSQL/SQLite: requests per second', '', `${(p.rps / s.rps).toFixed(2)}x (${p.rps.toFixed(0)} vs ${s.rps.toFixed(0)} req/s)`);
    for (const x of p.routes) {
      const y = s.routes.find((r) => r.route === x.route);
      if (y) row(`  p99 ${x.route}`, '', `${(x.p99 / y.p99).toFixed(2)}x (${x.p99.toFixed(1)} vs ${y.p99.toFixed(1)} ms)`);
    }
  }
} finally {
  stopAll();
}
for (const r of rows) console.log(`row=${r.join('|')}`);
