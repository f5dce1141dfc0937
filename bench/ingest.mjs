// Server ingest: 8 holders sign up, each reserves one document, then all 8 contents are
// PUT at once. Usage: node ingest.mjs <server url> <file>... Prints ingest_s=<seconds of the
// concurrent PUTs>.
//
// The raw baseline: node ingest.mjs raw <host:port> <file>... sends each file at once over
// its own plain TCP connection to a sink (xtask's) that writes it to a file, fsyncs it and
// answers one byte. Prints raw_s=<seconds from the first byte sent to the last answer>, timed
// exactly as the PUTs are, by the same process, from the same in-memory buffers.
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';
import { loadBindings, signUp, api, b64, metadata, putContent } from './common.mjs';

const args = process.argv.slice(2);
const raw = args[0] === 'raw';
const [base, ...files] = raw ? args.slice(1) : args;
if (!base || files.length === 0) {
  console.error('usage: node ingest.mjs [raw] <server url or host:port> <file>...');
  process.exit(2);
}
const datas = await Promise.all(files.map((f) => readFile(f)));

/** Sends `data` over a new connection to the raw sink; resolves on its answer. */
function sendRaw(addr, data) {
  const [host, port] = [addr.slice(0, addr.lastIndexOf(':')), Number(addr.slice(addr.lastIndexOf(':') + 1))];
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => socket.end(data));
    let answered = false;
    socket.on('data', () => (answered = true));
    socket.on('error', reject);
    socket.on('close', () => (answered ? resolve() : reject(new Error('the raw sink did not answer'))));
  });
}

if (raw) {
  const start = process.hrtime.bigint();
  await Promise.all(datas.map((d) => sendRaw(base, d)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`raw_s=${seconds.toFixed(3)}`);
  process.exit(0);
}

const pde = await loadBindings();

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
