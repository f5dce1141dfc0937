// Server ingest: 8 holders sign up, each reserves one document, then all 8 contents are
// PUT at once. Usage: node ingest.mjs <server url> <file>... Prints ingest_s=<seconds of the
// concurrent PUTs>.
import { readFile } from 'node:fs/promises';
import { loadBindings, signUp, api, b64, metadata, putContent } from './common.mjs';

const [base, ...files] = process.argv.slice(2);
if (!base || files.length === 0) {
  console.error('usage: node ingest.mjs <server url> <file>...');
  process.exit(2);
}
const pde = await loadBindings();
const datas = await Promise.all(files.map((f) => readFile(f)));

// Real accounts and real metadata/envelopes; the content is opaque bytes of the exact
// reserved size (the server cannot tell them from ciphertext).
let reuse;
const uploads = [];
const run = Date.now().toString(36);
for (const [i, data] of datas.entries()) {
  const account = await signUp(pde, base, `bench-${run}-${i}`, 'bench passphrase words', reuse);
  reuse ??= account;
  const writer = account.wallet.newDocument(metadata(`upload ${i}`, data.length));
  const res = await api(
    base,
    'POST',
    '/api/v1/documents',
    { size: data.length, metadata: b64(writer.metadata()), envelope: b64(writer.envelope()) },
    account.session,
  );
  uploads.push({ id: res.body.id, data, session: account.session });
}

const start = process.hrtime.bigint();
await Promise.all(uploads.map((u) => putContent(base, u.id, u.data, u.session)));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const mb = datas.reduce((n, d) => n + d.length, 0) / 1e6;
console.log(`uploaded ${uploads.length} documents, ${mb.toFixed(0)} MB`);
console.log(`ingest_s=${seconds.toFixed(3)}`);
