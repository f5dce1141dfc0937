/**
 * The open wallet: its crypto worker (which holds every key), the decrypted document list,
 * and every object URL made for viewing. Everything here lives in memory only and is dropped
 * by lock(), which terminates the worker.
 */
import { api, uploadContent, ApiError, type Account, type DocumentList, type ShareDocumentBody, type StoredDocument, type Usage, type WorkerCard } from './api';
import { fromBase64, toBase64 } from './base64';
import { parseMetadata, type Metadata } from './metadata';
import type { CryptoWorker } from './pde';
import { SessionBase } from './session-base';
import { RecordKeeper, recordShare } from './wallet-record';

export { UrlKeeper } from './session-base';
import { linkUrl } from './sharing';

export const SLICE = 1024 * 1024;

export interface DocEntry {
  id: string;
  size: number;
  createdAt: number;
  /** The document in the crypto worker (an opaque number); null when it could not be decrypted. */
  handle: number | null;
  meta: Metadata | null;
  damaged: boolean;
  /** Not decrypted yet: the list opens what is on screen first, the rest after. */
  pending?: boolean;
}

export type Phase = 'encrypt' | 'upload';
export type ProgressFn = (phase: Phase, fraction: number) => void;

/** Raised before encryption when a document cannot fit. */
export class LimitError extends Error {
  constructor(
    readonly code: 'document_too_large' | 'quota_exceeded',
    readonly limit: number,
    readonly free: number,
  ) {
    super(code);
  }
}

/** A chunk the worker may take over: a view that owns its whole buffer (copied otherwise). */
export function ownChunk(value: Uint8Array): Uint8Array<ArrayBuffer> {
  if (value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) {
    return value as Uint8Array<ArrayBuffer>;
  }
  return value.slice();
}

/**
 * Decrypts a content ciphertext response in memory: each chunk is handed to the worker's
 * ContentReader (transferred, not copied), the plaintext comes back the same way.
 */
export async function decryptResponse(crypto: CryptoWorker, doc: number, plainSize: number, mime: string, res: Response): Promise<Blob> {
  const { stream } = await crypto.call({ op: 'contentReader', doc, plainLength: plainSize });
  const parts: BlobPart[] = [];
  const push = async (value: Uint8Array) => {
    const chunk = ownChunk(value);
    const { out } = await crypto.call({ op: 'push', stream, chunk }, [chunk.buffer]);
    if (out.length) parts.push(out as Uint8Array<ArrayBuffer>);
  };
  try {
    const body = res.body;
    if (body) {
      const r = body.getReader();
      for (;;) {
        const { done, value } = await r.read();
        if (done) break;
        await push(value);
      }
    } else {
      await push(new Uint8Array(await res.arrayBuffer()));
    }
    parts.push((await crypto.call({ op: 'finish', stream })).out as Uint8Array<ArrayBuffer>);
  } finally {
    void crypto.call({ op: 'closeStream', stream }).catch(() => undefined);
  }
  return new Blob(parts, { type: mime });
}

/** How many documents of a list are opened first, before the rest: about a screenful. */
export const FIRST_BATCH = 20;
/** The rest is opened and shown this many at a time, so no single render of it is long. */
export const REST_BATCH = 40;

/** Opens envelopes and metadata in the worker, in one call per batch. */
export async function openBatch(
  crypto: CryptoWorker,
  items: readonly { envelope: string; metadata: string }[],
): Promise<{ doc: number | null; meta: Metadata | null }[]> {
  if (!items.length) return [];
  const { opened } = await crypto.call({
    op: 'openDocuments',
    items: items.map((d) => ({ envelope: fromBase64(d.envelope), metadata: fromBase64(d.metadata) })),
  });
  return opened.map((o) => {
    if ('error' in o) return { doc: null, meta: null };
    try {
      return { doc: o.doc, meta: parseMetadata(o.metadataJson) };
    } catch {
      return { doc: null, meta: null };
    }
  });
}

/** A link just made: its address (with the secret) and when it ends. */
export interface MadeLink {
  id: string;
  url: string;
  expiresAt: number;
  /** For an appointment: when it opens (Unix seconds); null for a link open at once. */
  opensAt: number | null;
}

/** How long a new share lasts from now (seconds), or an appointment's window. */
export type ShareWhen = number | { opens_at: number; closes_at: number };

/** The request fields of `when`. */
function whenFields(when: ShareWhen): { duration_secs: number } | { window: { opens_at: number; closes_at: number } } {
  return typeof when === 'number' ? { duration_secs: when } : { window: when };
}

export class Session extends SessionBase {
  readonly kind = 'holder';
  docs: DocEntry[] = [];
  usage: Usage | null = null;
  /** The wallet record, read only when a share needs it. */
  readonly record: RecordKeeper;

  constructor(
    crypto: CryptoWorker,
    readonly pseudonym: string,
  ) {
    super(crypto);
    this.record = new RecordKeeper(crypto);
  }

  /**
   * Reloads the document list; `account` when the caller has just fetched it. Returns once the
   * newest FIRST_BATCH new documents are decrypted; the rest follow, REST_BATCH at a time (see
   * `subscribe`). `documents` is the list when the caller has already asked for it.
   */
  async refresh(account?: Account, documents?: Promise<DocumentList>): Promise<void> {
    const [list, acc] = await Promise.all([documents ?? api.documents(), account ?? api.account()]);
    this.usage = acc.usage;
    const known = new Map(this.docs.map((d) => [d.id, d]));
    const fresh = list.documents
      .filter((d) => !known.has(d.id))
      .sort((a, b) => b.created_at - a.created_at);
    const entries = new Map<string, DocEntry>();
    for (const d of fresh) {
      entries.set(d.id, { id: d.id, size: d.size, createdAt: d.created_at, handle: null, meta: null, damaged: false, pending: true });
    }
    this.docs = list.documents.map((d) => known.get(d.id) ?? entries.get(d.id)!);
    const apply = (batch: StoredDocument[], opened: { doc: number | null; meta: Metadata | null }[]) => {
      batch.forEach((d, i) => {
        const entry = entries.get(d.id)!;
        const o = opened[i]!;
        entry.handle = o.doc;
        entry.meta = o.meta;
        entry.damaged = o.meta === null;
        entry.pending = false;
      });
      this.docs = [...this.docs];
    };
    const batches = [fresh.slice(0, FIRST_BATCH)];
    for (let at = FIRST_BATCH; at < fresh.length; at += REST_BATCH) batches.push(fresh.slice(at, at + REST_BATCH));
    // Every batch goes to the worker now: it answers them in order, opening the next batches
    // while this page shows the ones before (rather than idling while the page renders).
    const calls = batches.map((b) => openBatch(this.crypto, b));
    // A failure is seen where each call is awaited below (or not at all once the first fails).
    for (const c of calls) c.catch(() => undefined);
    apply(batches[0]!, await calls[0]!);
    this.changed();
    if (batches.length > 1) {
      void (async () => {
        for (let i = 1; i < batches.length; i++) {
          const opened = await calls[i]!;
          if (this.locked) return;
          apply(batches[i]!, opened);
          this.changed();
        }
      })().catch(() => {
        /* the worker is gone or locked: the session closes (see app.tsx) */
      });
    }
  }

  /** Checks the server's limits for a plaintext of `plainLength` bytes, before encrypting. */
  async checkLimits(plainLength: number): Promise<number> {
    const { length: len } = await this.crypto.call({ op: 'encryptedLength', plainLength });
    const usage = this.usage;
    if (usage) {
      if (len > usage.max_document_bytes) {
        throw new LimitError('document_too_large', usage.max_document_bytes, usage.quota_bytes - usage.used_bytes);
      }
      if (usage.used_bytes + len > usage.quota_bytes) {
        throw new LimitError('quota_exceeded', usage.quota_bytes, Math.max(0, usage.quota_bytes - usage.used_bytes));
      }
    }
    return len;
  }

  /**
   * Encrypts `content` in 1 MiB slices in the worker, then reserves and uploads it; returns
   * the new document's id. Nothing reaches the server before the whole ciphertext is made, so
   * a worker that dies meanwhile leaves nothing half-uploaded.
   */
  async add(content: Blob, meta: Metadata, onProgress: ProgressFn): Promise<string> {
    await this.checkLimits(content.size);
    const c = this.crypto;
    const made = await c.call({ op: 'newDocument', metadataJson: JSON.stringify({ ...meta, size: content.size }) });
    const parts: BlobPart[] = [];
    let handle: number | null = made.doc;
    try {
      for (let off = 0; off < content.size || off === 0; off += SLICE) {
        const slice = new Uint8Array(await content.slice(off, off + SLICE).arrayBuffer());
        const { out } = await c.call({ op: 'push', stream: made.stream, chunk: slice }, [slice.buffer]);
        if (out.length) parts.push(out as Uint8Array<ArrayBuffer>);
        onProgress('encrypt', Math.min(1, (off + SLICE) / Math.max(1, content.size)));
        if (content.size === 0) break;
      }
      parts.push((await c.call({ op: 'finish', stream: made.stream })).out as Uint8Array<ArrayBuffer>);
      const body = new Blob(parts, { type: 'application/octet-stream' });
      parts.length = 0;
      const { id } = await api.reserveDocument({
        size: body.size,
        metadata: toBase64(made.metadata),
        envelope: toBase64(made.envelope),
      });
      await uploadContent(id, body, (sent, total) => onProgress('upload', total ? sent / total : 1));
      const entry: DocEntry = { id, size: body.size, createdAt: Math.floor(Date.now() / 1000), handle, meta: { ...meta, size: content.size }, damaged: false };
      handle = null;
      this.docs = [...this.docs, entry];
      this.changed();
      this.usage = (await api.account()).usage;
      this.changed();
      return id;
    } finally {
      if (handle !== null) this.safeForget(handle);
      void c.call({ op: 'closeStream', stream: made.stream }).catch(() => undefined);
    }
  }

  /** Decrypts a document's content in memory, streaming the response through the worker. */
  async open(entry: DocEntry): Promise<Blob> {
    if (entry.handle === null || !entry.meta) throw new ApiError('damaged', 0);
    const res = await api.content(entry.id);
    return decryptResponse(this.crypto, entry.handle, entry.meta.size, entry.meta.mime, res);
  }

  /** Seals each document's key D to `recipient` (a share envelope per document), in the worker. */
  private async envelopes(entries: readonly DocEntry[], recipient: string): Promise<ShareDocumentBody[]> {
    const docs = entries.map((e) => {
      if (e.handle === null) throw new ApiError('damaged', 0);
      return e.handle;
    });
    const { envelopes } = await this.crypto.call({ op: 'shareEnvelopes', docs, recipient });
    return entries.map((e, i) => ({ id: e.id, envelope: toBase64(envelopes[i]!) }));
  }

  private async note(recipient: string, noteJson: string | null): Promise<string | null> {
    if (!noteJson) return null;
    return toBase64((await this.crypto.call({ op: 'encryptNote', recipient, noteJson })).ciphertext);
  }

  /**
   * Shares documents with a worker (found and checked by findRememberedWorker); `noteJson` is
   * note JSON v1 or null. The key used is then kept in the wallet record; the share stands
   * even if that write fails (the next share with them checks the card code only).
   */
  async shareWithWorker(entries: readonly DocEntry[], worker: WorkerCard, when: ShareWhen, noteJson: string | null) {
    const documents = await this.envelopes(entries, worker.recipient);
    const note = await this.note(worker.recipient, noteJson);
    const made = await api.createShare({ kind: 'worker', worker_id: worker.id, ...whenFields(when), note, documents });
    await recordShare(this.record, worker).catch(() => undefined);
    return made;
  }

  /** Makes a share link; the link secret is freed in the worker before this returns. */
  async shareAsLink(entries: readonly DocEntry[], when: ShareWhen, pin: string | null, noteJson: string | null, origin: string): Promise<MadeLink> {
    const secret = await this.crypto.call({ op: 'newLink' });
    try {
      const documents = await this.envelopes(entries, secret.recipient);
      const note = await this.note(secret.recipient, noteJson);
      const made = await api.createShare({
        kind: 'link', ...whenFields(when), access_key: toBase64(secret.accessKey), pin, note, documents,
      });
      return { id: made.id, url: linkUrl(origin, made.id, secret.fragment), expiresAt: made.expires_at, opensAt: made.opens_at };
    } finally {
      void this.crypto.call({ op: 'freeLink', link: secret.link }).catch(() => undefined);
    }
  }

  async updateMetadata(entry: DocEntry, changes: Partial<Metadata>): Promise<void> {
    if (entry.handle === null || !entry.meta) throw new ApiError('damaged', 0);
    const meta = { ...entry.meta, ...changes } as Metadata;
    const { ciphertext } = await this.crypto.call({ op: 'encryptMetadata', doc: entry.handle, metadataJson: JSON.stringify(meta) });
    await api.putMetadata(entry.id, toBase64(ciphertext));
    entry.meta = meta;
    this.docs = [...this.docs];
    this.changed();
  }

  async remove(entry: DocEntry): Promise<void> {
    await api.deleteDocument(entry.id);
    if (entry.handle !== null) this.safeForget(entry.handle);
    this.docs = this.docs.filter((d) => d.id !== entry.id);
    this.changed();
    this.usage = (await api.account()).usage;
    this.changed();
  }

  /**
   * Hides documents until `until` (Unix seconds): the server withholds them from then on, so
   * they leave the list here too, their keys forgotten, as if deleted; the next opening of the
   * wallet after that time lists them again.
   */
  async hide(entries: readonly DocEntry[], until: number): Promise<void> {
    await api.hideDocuments(entries.map((e) => e.id), until);
    const gone = new Set(entries.map((e) => e.id));
    for (const e of entries) if (e.handle !== null) this.safeForget(e.handle);
    this.docs = this.docs.filter((d) => !gone.has(d.id));
    this.changed();
    this.usage = (await api.account()).usage;
    this.changed();
  }

  private safeForget(handle: number): void {
    void this.crypto.call({ op: 'forgetDocuments', docs: [handle] }).catch(() => undefined);
  }

  protected drop(): void {
    this.docs = [];
    this.usage = null;
    this.record.forget();
  }

  /** The server session ends too (it would expire anyway). */
  protected override async afterLock(): Promise<void> {
    try {
      await api.logout();
    } catch {
      /* the session expires on the server anyway */
    }
  }
}
