// Shared helpers of the benchmark drivers: a static file server for the browser pages,
// Debian's Chromium through playwright-core, the wasm bindings under Node, and the HTTP API.
import { createServer } from 'node:http';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..'));
export const PKG = 'client-wasm/web/src/pkg';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** Serves the bench pages and the wasm bindings from the repository, on a free loopback port. */
export async function serveStatic(prefixes = ['/bench/', `/${PKG}/`]) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!prefixes.some((p) => path.startsWith(p))) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(ROOT, path));
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** Headless Debian Chromium (never a downloaded browser). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.PDE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The wasm bindings (built for the web) loaded into Node. */
export async function loadBindings() {
  const mod = await import(join(ROOT, PKG, 'pde_client_wasm.js'));
  const bytes = await readFile(join(ROOT, PKG, 'pde_client_wasm_bg.wasm'));
  await mod.default({ module_or_path: bytes });
  return mod;
}

export const b64 = (bytes) => Buffer.from(bytes).toString('base64');

/** One JSON request to the API with an optional session token; returns { status, body }. */
export async function api(base, method, path, body, session) {
  const headers = { 'x-pde-client': '1' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) headers.authorization = `Bearer ${session}`;
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${text}`);
  }
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Streams `data` as the content of document `id` (raw node:http, no copies). */
export function putContent(base, id, data, session) {
  const url = new URL(`${base}/api/v1/documents/${id}/content`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'PUT',
        headers: {
          'x-pde-client': '1',
          'content-type': 'application/octet-stream',
          'content-length': data.length,
          authorization: `Bearer ${session}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          res.statusCode === 204
            ? resolve()
            : reject(new Error(`PUT content ${id}: ${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export const KDF = { alg: 'argon2id', m_kib: 65536, t: 3, p: 1 };

/**
 * Signs up a new holder through the API the way the web app does. Returns the open wallet,
 * the session token and the passphrase. `keys` may be reused across accounts to save time.
 */
export async function signUp(pde, base, pseudonym, passphrase, reuse) {
  const salt = reuse?.salt ?? pde.randomSalt();
  const keys =
    reuse?.keys ?? pde.derivePassphraseKeys(passphrase, salt, KDF.m_kib, KDF.t, KDF.p);
  const code = pde.generateRecoveryCode();
  const recovery = pde.deriveRecoveryKeys(code);
  const wallet = pde.Wallet.create();
  const res = await api(base, 'POST', '/api/v1/accounts', {
    pseudonym,
    recipient: wallet.recipient(),
    salt: b64(salt),
    kdf: KDF,
    passphrase_auth: b64(keys.authKey()),
    passphrase_slot: b64(wallet.sealSlot(keys)),
    recovery_auth: b64(recovery.authKey()),
    recovery_slot: b64(wallet.sealSlot(recovery)),
  });
  recovery.free();
  return { wallet, session: res.body.session, salt, keys };
}

/** Metadata JSON v1 for a document of `size` bytes. */
export function metadata(title, size, category = 'other') {
  return JSON.stringify({
    v: 1,
    title,
    category,
    file_name: `${title}.pdf`,
    mime: 'application/pdf',
    size,
    date: null,
    note: null,
    added: new Date().toISOString(),
  });
}
