// List latency at scale: N wallets × 100 documents seeded directly with SQL (sqlite3 with a
// recursive CTE, psql with generate_series, in one transaction, the secondary indexes made
// after the rows; metadata and envelope 200 bytes each), sessions
// inserted for 200 of the accounts (the database keeps only the SHA-256 of each token), then
// `GET /api/v1/documents` timed over keep-alive connections.
// Usage: node list-scale.mjs [--scales 5000,50000] [--backends sqlite,postgres] [--requests 3000]
//   [--concurrency 4] [--compare <other pde-server binary>]
// With --compare, the other binary (a build from before a change, say) is timed on the same
// seeded database too, in alternating rounds (this one, the other, this one, the other); its
// figures are printed, the rows come from this binary's last round.
// Prints a table and `row=what|goal|measured|verdict` lines for xtask.
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, startCluster, client, percentile, scratch, stopAll } from './proc.mjs';

const { values: opts } = parseArgs({
  options: {
    scales: { type: 'string', default: process.env.PDE_BENCH_LIST_SCALES || '5000,50000' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    requests: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '4' },
    'max-seconds': { type: 'string', default: '60' },
    compare: { type: 'string' },
  },
});
const SCALES = opts.scales.split(',').map(Number);
const REQUESTS = Number(opts.requests);
const CONCURRENCY = Number(opts.concurrency);
// Each scale's timing stops after this long even if fewer requests were made.
const MAX_SECONDS = Number(opts['max-seconds']);
const DOCS_PER_WALLET = 100;
const SAMPLE = 200;
const GOAL_P99_MS = 20;
if (SCALES.some((n) => !(n >= SAMPLE)) || !(REQUESTS > 0)) {
  console.error(`usage: node list-scale.mjs [--scales N,N (each >= ${SAMPLE})] [--requests N]`);
  process.exit(2);
}

const now = Math.floor(Date.now() / 1000);
const today = Math.floor(now / 86400);
const RECIPIENT = 'age1' + 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.repeat(2).slice(0, 58);

/** 200 accounts spread over the N, each with a fresh session token. */
function sample(n) {
  return Array.from({ length: SAMPLE }, (_, k) => {
    const token = randomBytes(32).toString('hex');
    return { account: Math.floor((k * n) / SAMPLE), token, hash: createHash('sha256').update(token).digest('hex') };
  });
}
const accountId = (i) => i.toString(16).padStart(32, '0');
const sessionValues = (s) =>
  s.map((x) => `('${x.hash}', '${accountId(x.account)}', 'passphrase', ${now}, ${now})`).join(',\n');

// The secondary indexes of `documents` are dropped before the rows go in and made again from
// their own definitions (read from the schema the server created) once they are in: one sort
// per index instead of millions of inserts at random places, which at 50,000 wallets took
// most of the seeding time. The primary key stays (other tables refer to it).
const sqliteIndexes = (db) =>
  execFileSync('sqlite3', [db, "SELECT name || '|' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' AND sql IS NOT NULL;"])
    .toString().split('\n').filter(Boolean).map((l) => ({ name: l.slice(0, l.indexOf('|')), sql: l.slice(l.indexOf('|') + 1) }));
const postgresIndexes = (cluster, db) =>
  cluster.psql(db, "COPY (SELECT indexname || '|' || indexdef FROM pg_indexes WHERE tablename = 'documents' AND indexname NOT IN (SELECT conname FROM pg_constraint)) TO STDOUT;")
    .split('\n').filter(Boolean).map((l) => ({ name: l.slice(0, l.indexOf('|')), sql: l.slice(l.indexOf('|') + 1) }));
const dropIndexes = (ix) => ix.map((i) => `DROP INDEX ${i.name};`).join('\n');
const makeIndexes = (ix) => ix.map((i) => `${i.sql};`).join('\n');

// Document n belongs to wallet n mod N, so each wallet's documents are spread over the whole
// table as uploads over months would be, not stored side by side.
function sqliteSeed(n, s, ix) {
  return `PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
BEGIN;
${dropIndexes(ix)}
WITH RECURSIVE a(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM a WHERE i + 1 < ${n})
INSERT INTO accounts (id, pseudonym, pseudonym_key, recipient, salt, kdf_m_kib, kdf_t, kdf_p,
    passphrase_auth_hmac, passphrase_slot, recovery_auth_hmac, recovery_slot, created_day, last_seen_day)
SELECT printf('%032x', i), 'list-' || i, 'list-' || i, '${RECIPIENT}', randomblob(16), 65536, 3, 1,
    randomblob(32), randomblob(200), randomblob(32), randomblob(200), ${today}, ${today} FROM a;
WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i + 1 < ${n * DOCS_PER_WALLET})
INSERT INTO documents (id, account_id, size, state, created_at, metadata, envelope)
SELECT lower(hex(randomblob(16))), printf('%032x', i % ${n}), 100000, 'complete',
    ${now - n * DOCS_PER_WALLET} + i, randomblob(200), randomblob(200) FROM d;
INSERT INTO sessions (token_hash, account_id, method, created_at, last_seen_at) VALUES
${sessionValues(s)};
${makeIndexes(ix)}
COMMIT;
`;
}

// 200 bytes from two random md5s, repeated (TOAST compresses only values over 2 kB).
const PG_BYTES = `substring(decode(repeat(md5(random()::text) || md5(random()::text), 7), 'hex') from 1 for 200)`;
function postgresSeed(n, s, ix) {
  return `BEGIN;
SET LOCAL maintenance_work_mem = '512MB';
${dropIndexes(ix)}
INSERT INTO accounts (id, pseudonym, pseudonym_key, recipient, salt, kdf_m_kib, kdf_t, kdf_p,
    passphrase_auth_hmac, passphrase_slot, recovery_auth_hmac, recovery_slot, created_day, last_seen_day)
SELECT lpad(to_hex(i), 32, '0'), 'list-' || i, 'list-' || i, '${RECIPIENT}', decode(md5(random()::text), 'hex'),
    65536, 3, 1, sha256(decode(md5(random()::text), 'hex')), ${PG_BYTES},
    sha256(decode(md5(random()::text), 'hex')), ${PG_BYTES}, ${today}, ${today}
FROM generate_series(0, ${n - 1}) AS i;
INSERT INTO documents (id, account_id, size, state, created_at, metadata, envelope)
SELECT md5(random()::text || i), lpad(to_hex(i % ${n}), 32, '0'), 100000, 'complete',
    ${now - n * DOCS_PER_WALLET} + i, ${PG_BYTES}, ${PG_BYTES}
FROM generate_series(0, ${n * DOCS_PER_WALLET - 1}) AS i;
INSERT INTO sessions (token_hash, account_id, method, created_at, last_seen_at) VALUES
${sessionValues(s)};
${makeIndexes(ix)}
COMMIT;
-- What autovacuum would have done within a minute of such a load.
ANALYZE;
`;
}

/** utime + stime of a process, in seconds (from /proc/<pid>/stat). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// CONCURRENCY requests are in flight at once. Bodies are only checked for their status in the
// timed loop: parsing a 100-document JSON answer blocks node's event loop, which would be
// counted in the latency of the other requests in flight; the warm-up requests check that each
// lists all of the wallet's documents. The CPU time of this process and of the server is
// printed, to show whether the client (on the same cores) weighs on the figures.
async function timeList(base, s, serverPid) {
  const api = client(base, CONCURRENCY);
  const ms = [];
  let errors = 0;
  let docs = Infinity;
  let next = 0;
  // Warm-up (connections, caches), not counted.
  for (const x of s.slice(0, Math.max(CONCURRENCY, 20))) {
    const res = await api.call('GET', '/api/v1/documents', { token: x.token });
    docs = Math.min(docs, res.status === 200 ? JSON.parse(res.body).documents.length : 0);
  }
  const deadline = Date.now() + MAX_SECONDS * 1000;
  const [cpu0, server0, wall0] = [process.cpuUsage(), cpuSeconds(serverPid), performance.now()];
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS && Date.now() < deadline) {
      const x = s[next++ % s.length];
      const t0 = performance.now();
      const res = await api.call('GET', '/api/v1/documents', { token: x.token });
      ms.push(performance.now() - t0);
      if (res.status !== 200) errors++;
    }
  }));
  const wall = (performance.now() - wall0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const clientCpu = (cpu.user + cpu.system) / 1e6 / wall;
  const serverCpu = (cpuSeconds(serverPid) - server0) / wall;
  api.close();
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), errors, docs, n: ms.length, clientCpu, serverCpu };
}

const rows = [];
const row = (what, goal, measured, verdict = '-') => rows.push([what, goal, measured, verdict]);
const dir = scratch('list-scale');
try {
  for (const backend of opts.backends.split(',')) {
    const cluster = backend === 'postgres' ? await startCluster() : null;
    if (backend !== 'postgres' && backend !== 'sqlite') throw new Error(`unknown backend ${backend}`);
    const measured = [];
    for (const n of SCALES) {
      const data = join(dir, `${backend}-${n}`);
      let databaseUrl;
      if (cluster) {
        cluster.psql('postgres', `CREATE DATABASE pde_list_${n};`);
        databaseUrl = cluster.url(`pde_list_${n}`);
      }
      const log = join(dir, `${backend}-${n}.log`);
      // The server creates the schema (its migrations); then it stops and the rows go in.
      (await startServer({ dataDir: data, databaseUrl, log })).stop();
      const s = sample(n);
      const t0 = Date.now();
      if (cluster) cluster.psql(`pde_list_${n}`, postgresSeed(n, s, postgresIndexes(cluster, `pde_list_${n}`)));
      else {
        const db = join(data, 'pde.sqlite');
        execFileSync('sqlite3', [db], { input: sqliteSeed(n, s, sqliteIndexes(db)), stdio: ['pipe', 'ignore', 'inherit'] });
      }
      const seedS = (Date.now() - t0) / 1000;
      console.log(`${backend}: seeded ${n} wallets × ${DOCS_PER_WALLET} documents in ${seedS.toFixed(1)} s`);
      let r;
      try {
        const bins = opts.compare ? [undefined, opts.compare, undefined, opts.compare] : [undefined];
        for (const bin of bins) {
          const server = await startServer({ dataDir: data, databaseUrl, log, bin });
          let got;
          try {
            got = await timeList(server.url, s, server.pid);
          } finally {
            server.stop();
          }
          const who = bin ? `${backend} ${n} wallets (${bin})` : `${backend} ${n} wallets`;
          console.log(`${who}: list of ${got.docs} documents p50 ${got.p50.toFixed(1)} ms, p99 ${got.p99.toFixed(1)} ms over ${got.n} requests (${CONCURRENCY} at once${got.n < REQUESTS ? `, stopped after ${MAX_SECONDS} s` : ''}), ${got.errors} errors; CPU: client ${(got.clientCpu * 100).toFixed(0)}%, server ${(got.serverCpu * 100).toFixed(0)}% of one core`);
          if (!bin) r = got;
        }
      } finally {
        // Gigabytes at 50,000 wallets: free the disk before the next scale.
        if (cluster) cluster.psql('postgres', `DROP DATABASE pde_list_${n};`);
        else rmSync(data, { recursive: true, force: true });
      }
      measured.push({ wallets: n, ...r });
      const what = `list ${backend} ${n} wallets x ${DOCS_PER_WALLET} docs, p99`;
      if (r.errors > 0 || r.docs !== DOCS_PER_WALLET) {
        row(what, `< ${GOAL_P99_MS} ms`, `${r.errors} errors, ${r.docs} documents listed`, 'no');
      } else if (n === SCALES[0]) {
        row(what, `< ${GOAL_P99_MS} ms`, `${r.p99.toFixed(1)} ms (p50 ${r.p50.toFixed(1)}, ${r.n} requests)`, r.p99 < GOAL_P99_MS ? 'yes' : 'no');
      } else {
        row(what, '', `${r.p99.toFixed(1)} ms (p50 ${r.p50.toFixed(1)}, ${r.n} requests)`);
      }
      row(`  seeding ${backend} ${n} wallets`, '', `${seedS.toFixed(0)} s`);
    }
    for (const m of measured.slice(1)) {
      const ratio = m.p99 / measured[0].p99;
      row(`list ${backend} p99 ${m.wallets}/${measured[0].wallets} wallets`, '< 2x', `${ratio.toFixed(2)}x`, ratio < 2 ? 'yes' : 'no');
    }
    cluster?.stop();
  }
} finally {
  stopAll();
}
for (const r of rows) console.log(`row=${r.join('|')}`);
