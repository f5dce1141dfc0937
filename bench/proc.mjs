// Processes the load benchmarks start themselves: the release pde-server and a throwaway
// PostgreSQL cluster. Both are stopped by `stopAll()` (and on exit, Ctrl-C or SIGTERM), so
// nothing is left running.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync, rmSync, chownSync, statSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { ROOT } from './common.mjs';

const stoppers = [];
let stopping = false;

/** Stops everything started here, newest first. */
export function stopAll() {
  if (stopping) return;
  stopping = true;
  while (stoppers.length) {
    try {
      stoppers.pop()();
    } catch (e) {
      console.error(`while stopping: ${e.message}`);
    }
  }
  stopping = false;
}
process.on('exit', stopAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    stopAll();
    process.exit(130);
  });
}

export const SERVER_BIN = process.env.PDE_SERVER_BIN || join(ROOT, 'target/release/pde-server');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/**
 * Starts the release server on `dataDir` (SQLite there, or `databaseUrl`), its log in
 * `dataDir/../server.log`; resolves once it prints `listening on …`. Sign-up limits are
 * raised so the benchmark can seed its accounts through the API.
 */
export async function startServer({ dataDir, databaseUrl, log, bin = SERVER_BIN }) {
  if (!existsSync(bin)) throw new Error(`no server binary at ${bin} (bench step server-build)`);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const listen = `127.0.0.1:${port}`;
  const args = ['serve', '--listen', listen, '--data-dir', dataDir, '--public-url', `http://${listen}`,
    '--signups-per-client-per-hour', '1000000', '--signups-per-hour', '1000000'];
  if (databaseUrl) args.push('--database-url', databaseUrl);
  const logFd = openSync(log, 'a');
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', logFd] });
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    if (exited) return;
    child.kill('SIGTERM');
    // Wait (bounded) so the next start finds the database free.
    const deadline = Date.now() + 10_000;
    // The event loop is blocked here, so `exit` cannot fire: read the process state instead
    // (gone, or a zombie once it has exited).
    const running = () => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${child.pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    while (!exited && running() && Date.now() < deadline) spawnSync('sleep', ['0.1']);
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {}
  };
  stoppers.push(stop);
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start within 60 s (log: ${log})`)), 60_000);
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/listening on (\S+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}) before listening; log: ${log}\n${readFileSync(log, 'utf8').slice(-2000)}`));
    });
  });
  child.stdout.resume();
  return {
    url,
    pid: child.pid,
    stop: () => {
      stop();
      stoppers.splice(stoppers.indexOf(stop), 1);
    },
  };
}

const PG_DIR = '/usr/lib/postgresql';

function pgBin() {
  const versions = existsSync(PG_DIR)
    ? readdirSync(PG_DIR).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => parseFloat(b) - parseFloat(a))
    : [];
  for (const v of versions) {
    const bin = join(PG_DIR, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  throw new Error(`no PostgreSQL server under ${PG_DIR}/<version>/bin: install Debian's postgresql`);
}

/**
 * A throwaway PostgreSQL cluster in a temporary directory on a free port, trust
 * authentication on 127.0.0.1 only. Durability stays at PostgreSQL's defaults (fsync and
 * synchronous commit on), as the server's SQLite runs with `synchronous = FULL`, so the two
 * backends are compared on equal terms. initdb refuses to run as root, so as root the server binaries run as the `postgres` user the Debian package makes.
 */
export async function startCluster() {
  const bin = pgBin();
  const asRoot = process.getuid() === 0;
  const run = (program, args, opts = {}) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], opts)
      : execFileSync(join(bin, program), args, opts);
  const dir = mkdtempSync(join(tmpdir(), 'pde-bench-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const started = Date.now();
  run('initdb', ['--pgdata', data, '--username', 'pde', '--auth', 'trust', '--encoding', 'UTF8', '--no-locale', '--no-sync'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const port = await freePort();
  writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  const conf = join(data, 'postgresql.conf');
  writeFileSync(conf, readFileSync(conf, 'utf8') +
    `\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\n` +
    'max_connections = 300\nshared_buffers = 512MB\n');
  const log = join(dir, 'log');
  if (asRoot) {
    const st = statSync(dir);
    writeFileSync(log, '');
    chownSync(log, st.uid, st.gid);
  }
  let up = false;
  const stop = () => {
    if (!up) return;
    up = false;
    try {
      run('pg_ctl', ['-D', data, 'stop', '-m', 'fast', '-w'], { stdio: 'ignore' });
    } catch (e) {
      console.error(`pg_ctl stop: ${e.message}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  stoppers.push(stop);
  run('pg_ctl', ['-D', data, '-l', log, 'start', '-w', '-t', '60'], { stdio: 'ignore' });
  up = true;
  console.log(`PostgreSQL ${bin.split('/').at(-2)} ready on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const base = `postgres://pde@127.0.0.1:${port}`;
  return {
    url: (db) => `${base}/${db}`,
    /** Runs SQL through psql (stops on the first error); returns its stdout. */
    psql: (db, sql) =>
      execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', `${base}/${db}`], { input: sql, maxBuffer: 1 << 26 }).toString(),
    stop: () => {
      stop();
      stoppers.splice(stoppers.indexOf(stop), 1);
    },
  };
}

/** A keep-alive HTTP client for one server: `call(method, path, { json, body, token })`. */
export function client(base, maxSockets) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const call = (method, path, { json, body, token } = {}) =>
    new Promise((resolve, reject) => {
      const headers = { 'x-pde-client': '1' };
      let payload = body;
      if (json !== undefined) {
        payload = Buffer.from(JSON.stringify(json));
        headers['content-type'] = 'application/json';
      } else if (body !== undefined) {
        headers['content-type'] = 'application/octet-stream';
      }
      if (payload !== undefined) headers['content-length'] = payload.length;
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request({ host: url.hostname, port: url.port, path, method, headers, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  return { call, close: () => agent.destroy() };
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A fresh scratch directory under target/bench. */
export function scratch(name) {
  const dir = join(ROOT, 'target', 'bench', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
