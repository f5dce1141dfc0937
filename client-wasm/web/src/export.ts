/**
 * "Download everything" (docs/formats.md, "Export"): one zip that the standard `age` tool
 * opens — the wallet identity encrypted with a passphrase, and per document its content and
 * metadata encrypted to that identity by the crypto worker — or, after a warning, a zip of
 * the plain files. Built in memory in the page and handed to the browser's downloads.
 *
 * The zip is written with fflate; every entry is stored, not deflated (age files do not
 * compress, and stored entries cost no CPU on a phone).
 */
import { Zip, ZipPassThrough, strToU8 } from 'fflate';
import { api } from './api';
import { noteDownload } from './downloads';
import { ownChunk, type DocEntry, type Session } from './session';
import { downloadName } from './viewer';

/** Documents done so far out of the total, for the progress bar. */
export type ExportProgress = (done: number, total: number) => void;

/** The zip's name: `pde-export-<YYYY-MM-DD>.zip` (`pde-plain-…` for the plain files). */
export function exportName(kind: 'age' | 'plain', now: Date = new Date()): string {
  return `pde-${kind === 'age' ? 'export' : 'plain'}-${now.toISOString().slice(0, 10)}.zip`;
}

/** A zip being written: entries are added one after the other, each stored as it is. */
class ZipWriter {
  private parts: Uint8Array<ArrayBuffer>[] = [];
  private zip: Zip;
  private done: Promise<void>;

  constructor() {
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    this.done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.zip = new Zip((err, chunk, final) => {
      if (err) reject(err);
      else {
        this.parts.push(chunk as Uint8Array<ArrayBuffer>);
        if (final) resolve();
      }
    });
  }

  /** A new stored entry; push its bytes, then close it with `last`. */
  entry(name: string): ZipPassThrough {
    const file = new ZipPassThrough(name);
    this.zip.add(file);
    return file;
  }

  add(name: string, data: Uint8Array): void {
    this.entry(name).push(data, true);
  }

  async finish(): Promise<Blob> {
    this.zip.end();
    await this.done;
    const blob = new Blob(this.parts, { type: 'application/zip' });
    this.parts = [];
    return blob;
  }
}

/** The documents that can be exported: those the wallet opened (damaged ones cannot be). */
async function readyDocs(session: Session): Promise<{ docs: DocEntry[]; damaged: number }> {
  // The list opens its documents in batches after the first screenful: wait for the rest.
  while (session.docs.some((d) => d.pending) && !session.locked) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const docs = session.docs.filter((d) => d.handle !== null && d.meta !== null);
  return { docs, damaged: session.docs.length - docs.length };
}

/**
 * Streams a document's stored content through one of the worker's streams (`contentExporter`
 * re-encrypts it to W, `contentReader` decrypts it) into a zip entry.
 */
async function streamDocument(session: Session, entry: DocEntry, op: 'contentExporter' | 'contentReader', file: ZipPassThrough): Promise<void> {
  const crypto = session.crypto;
  const { stream } = await crypto.call({ op, doc: entry.handle!, plainLength: entry.meta!.size });
  try {
    const res = await api.content(entry.id);
    const push = async (value: Uint8Array) => {
      const chunk = ownChunk(value);
      const { out } = await crypto.call({ op: 'push', stream, chunk }, [chunk.buffer]);
      if (out.length) file.push(out);
    };
    if (res.body) {
      const r = res.body.getReader();
      for (;;) {
        const { done, value } = await r.read();
        if (done) break;
        await push(value);
      }
    } else {
      await push(new Uint8Array(await res.arrayBuffer()));
    }
    // A stored file that turns out truncated or altered fails here: the whole export fails
    // and its zip is thrown away.
    file.push((await crypto.call({ op: 'finish', stream })).out, true);
  } finally {
    void crypto.call({ op: 'closeStream', stream }).catch(() => undefined);
  }
}

/** What an export made: the zip, and how many documents could not be read and are missing. */
export interface Made {
  zip: Blob;
  name: string;
  count: number;
  damaged: number;
}

/**
 * The age export: `README.txt` (`readme`, in the holder's language), `identity.age` (W under
 * `passphrase`, scrypt), and `documents/<n>.age` + `documents/<n>.json.age` per document.
 */
export async function buildExport(session: Session, passphrase: string, readme: string, onProgress: ExportProgress): Promise<Made> {
  const { docs, damaged } = await readyDocs(session);
  onProgress(0, docs.length);
  const zip = new ZipWriter();
  zip.add('README.txt', strToU8(readme));
  const { file: identity } = await session.crypto.call({ op: 'exportIdentity', passphrase });
  zip.add('identity.age', identity);
  for (const [i, entry] of docs.entries()) {
    const n = i + 1;
    await streamDocument(session, entry, 'contentExporter', zip.entry(`documents/${n}.age`));
    const { file } = await session.crypto.call({ op: 'exportMetadata', doc: entry.handle!, metadataJson: JSON.stringify(entry.meta) });
    zip.add(`documents/${n}.json.age`, file);
    onProgress(n, docs.length);
  }
  return { zip: await zip.finish(), name: exportName('age'), count: docs.length, damaged };
}

/** The plain export: each document decrypted, named `<n>-<its file name>`. */
export async function buildPlainExport(session: Session, onProgress: ExportProgress): Promise<Made> {
  const { docs, damaged } = await readyDocs(session);
  onProgress(0, docs.length);
  const zip = new ZipWriter();
  for (const [i, entry] of docs.entries()) {
    const n = i + 1;
    const name = downloadName(entry.meta!).replace(/[/\\]/g, '_');
    await streamDocument(session, entry, 'contentReader', zip.entry(`${n}-${name}`));
    onProgress(n, docs.length);
  }
  return { zip: await zip.finish(), name: exportName('plain'), count: docs.length, damaged };
}

/** Hands a finished zip to the browser's downloads. */
export function saveZip(session: Session, made: Made): void {
  noteDownload();
  const url = session.objectUrl(made.zip);
  const a = document.createElement('a');
  a.href = url;
  a.download = made.name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once it starts; the URL goes with the session at the latest.
  setTimeout(() => session.revoke(url), 60_000);
}
