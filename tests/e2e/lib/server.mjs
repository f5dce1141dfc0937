import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { DIST_DIR, REPO_ROOT, serverBin } from './paths.mjs';
import { filesUnder } from './scan.mjs';

/**
 * Starts the real server binary on a free port with a fresh data directory and the built
 * web app (`--web-dir`, or with `{ webDir: null }` the app compiled into the binary), on a
 * SQLite file in the data directory or, with `{ database: 'postgres' }`, on a fresh database
 * in the test cluster named by PDE_TEST_POSTGRES_URL (`cargo xtask test` starts one).
 * With `publicUrl` (e.g. `http://localhost:<port>` of the proxy), the server is told its public
 * address: a domain name there turns passkeys on (the relying party id is its host).
 * Resolves to { url, dataDir, blobDir, storedFiles(), stop(), admin(), cleanup() }.
 */
export async function startServer(env = {}, { webDir = DIST_DIR, database = 'sqlite', publicUrl = null } = {}) {
  const bin = serverBin();
  if (!existsSync(bin)) throw new Error(`server binary not found: ${bin} (cargo build -p pde-server, or set PDE_SERVER_BIN)`);
  if (webDir && !existsSync(path.join(webDir, 'index.html'))) throw new Error(`web app not built: ${webDir} (npm run build in client-wasm/web)`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pde-e2e-data-'));
  const web = webDir ? ['--web-dir', webDir] : [];
  const databaseUrl = database === 'postgres' ? freshPostgresDatabase() : null;
  const db = databaseUrl ? ['--database-url', databaseUrl] : [];
  const pub = publicUrl ? ['--public-url', publicUrl] : [];
  const child = spawn(bin, ['serve', '--listen', '127.0.0.1:0', '--data-dir', dataDir, ...web, ...db, ...pub], {
    // Without --web-dir, run where no built app lies around, so only an embedded one can answer.
    cwd: webDir ? REPO_ROOT : dataDir,
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const log = [];
  child.stderr.on('data', (d) => {
    log.push(d);
    stderr += d;
    if (stderr.length > 20000) stderr = stderr.slice(-20000);
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s\n${stderr}`)), 30000);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\s*$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}\n${stderr}`));
    });
  });
  child.stdout.resume();
  return {
    url,
    dataDir,
    blobDir: path.join(dataDir, 'blobs'),
    database,
    /**
     * Everything the server stored, as { name, bytes } haystacks: the files of the data
     * directory (the SQLite file and the blobs) and, on PostgreSQL, every table's rows as
     * COPY writes them in binary (text as UTF-8, bytea as raw bytes).
     */
    storedFiles() {
      const files = filesUnder(dataDir);
      if (databaseUrl) files.push(...postgresTables(databaseUrl));
      return files;
    },
    stderr: () => stderr,
    /** Everything the server wrote to its log (stderr), as bytes. */
    log: () => Buffer.concat(log),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
    },
    /** Runs `pde-server admin …args` on this server's data; resolves to its stdout. */
    admin(...args) {
      return new Promise((resolve, reject) => {
        execFile(bin, ['admin', ...args, '--data-dir', dataDir, ...db, '--public-url', publicUrl ?? url], { cwd: REPO_ROOT }, (err, stdout, stderr) => {
          if (err) reject(new Error(`pde-server admin ${args.join(' ')} failed: ${err.message}\n${stderr}`));
          else resolve(stdout);
        });
      });
    },
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new empty database in the test cluster; its URL. */
function freshPostgresDatabase() {
  const admin = process.env.PDE_TEST_POSTGRES_URL;
  if (!admin) throw new Error('PDE_TEST_POSTGRES_URL is not set: run the tests through `cargo xtask test` or `cargo xtask postgres -- npm test`');
  const name = `pde_e2e_${randomBytes(6).toString('hex')}`;
  execFileSync('psql', [admin, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE DATABASE ${name}`]);
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

/** Every table of the database at `url`, each as one haystack of its rows in COPY's binary form. */
function postgresTables(url) {
  const tables = execFileSync('psql', [url, '-At', '-c', "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  return tables.map((table) => ({
    name: `postgres table ${table}`,
    bytes: execFileSync('psql', [url, '-q', '-c', `COPY public."${table}" TO STDOUT (FORMAT binary)`], { maxBuffer: 256 * 1024 * 1024 }),
  }));
}
