// Server ingest: 8 holders sign up, each reserves one document, then all 8 contents are
// PUT at once. Usage: node ingest.mjs <server url> <file>... Prints ingest_s=<seconds of the
// concurrent PUTs>.
//
// The raw baseline: node ingest.mjs raw <host:port> <file>... sends each file at once over
// its own plain TCP connection to a sink (xtask's) that writes it to a file, fsyncs it and
// answers one byte. Prints raw_s=<seconds from the first byte sent to the last answer>, timed
// exactly as the PUTs are, by the same process, from the same in-memory buffers.
//
// The S3 baseline: node ingest.mjs s3 <endpoint> <bucket> <region> <file>... (the key id and
// secret in PDE_S3_ACCESS_KEY_ID and PDE_S3_SECRET_ACCESS_KEY) sends each file straight to the
// bucket as a multipart upload of parts of PDE_S3_PART_BYTES (the server's part size), signed
// as the server signs them (SigV4 with the SHA-256 of each part), PDE_S3_PARTS_IN_FLIGHT parts
// of one upload sent at once, all files at once. Prints s3_s=<seconds from the first request
// to the last completion>. The objects are deleted afterwards, untimed.
import { connect } from 'node:net';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import aws4 from 'aws4';
import { loadBindings, signUp, api, b64, metadata, putContent } from './common.mjs';

const args = process.argv.slice(2);
if (args[0] === 's3') {
  await s3Direct(args.slice(1));
  process.exit(0);
}
const raw = args[0] === 'raw';
const [base, ...files] = raw ? args.slice(1) : args;
if (!base || files.length === 0) {
  console.error('usage: node ingest.mjs [raw] <server url or host:port> <file>...');
  process.exit(2);
}
const datas = await Promise.all(files.map((f) => readFile(f)));

/** The S3 baseline (see the top of this file). */
async function s3Direct([endpoint, bucket, region, ...paths]) {
  const credentials = {
    accessKeyId: process.env.PDE_S3_ACCESS_KEY_ID,
    secretAccessKey: process.env.PDE_S3_SECRET_ACCESS_KEY,
  };
  const partBytes = Number(process.env.PDE_S3_PART_BYTES || 5 * 1024 * 1024);
  const inFlight = Number(process.env.PDE_S3_PARTS_IN_FLIGHT || 1);
  if (!endpoint || paths.length === 0 || !credentials.accessKeyId || !credentials.secretAccessKey) {
    console.error('usage: PDE_S3_ACCESS_KEY_ID=… PDE_S3_SECRET_ACCESS_KEY=… node ingest.mjs s3 <endpoint> <bucket> <region> <file>...');
    process.exit(2);
  }
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true });
  /** One signed request; resolves to { headers, body } on a 2xx answer. */
  const request = (method, path, body) =>
    new Promise((resolve, reject) => {
      const headers = {};
      if (body) {
        headers['content-length'] = body.length;
        headers['x-amz-content-sha256'] = createHash('sha256').update(body).digest('hex');
      }
      const signed = aws4.sign({ host: url.host, path, method, service: 's3', region, headers }, credentials);
      const req = http.request({ hostname: url.hostname, port: url.port, path, method, headers: signed.headers, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode >= 300) reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve({ headers: res.headers, body: text });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  const datas = await Promise.all(paths.map((f) => readFile(f)));
  const run = Date.now().toString(36);
  const upload = async (data, i) => {
    const key = `/${bucket}/direct/${run}-${i}`;
    const created = await request('POST', `${key}?uploads`);
    const id = /<UploadId>([^<]+)<\/UploadId>/.exec(created.body)?.[1];
    if (!id) throw new Error(`no upload id in ${created.body.slice(0, 300)}`);
    const query = `uploadId=${encodeURIComponent(id)}`;
    const count = Math.ceil(data.length / partBytes);
    const etags = new Array(count);
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(inFlight, count) }, async () => {
      while (next < count) {
        const n = next++;
        const part = data.subarray(n * partBytes, (n + 1) * partBytes);
        const res = await request('PUT', `${key}?partNumber=${n + 1}&${query}`, part);
        etags[n] = res.headers.etag;
      }
    }));
    const xml = `<CompleteMultipartUpload>${etags.map((e, n) => `<Part><PartNumber>${n + 1}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
    await request('POST', `${key}?${query}`, Buffer.from(xml));
    return key;
  };
  const start = process.hrtime.bigint();
  const keys = await Promise.all(datas.map(upload));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  for (const key of keys) await request('DELETE', key);
  agent.destroy();
  console.log(`s3_s=${seconds.toFixed(3)}`);
}

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
