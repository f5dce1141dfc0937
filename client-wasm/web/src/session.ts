/**
 * The open wallet: the Wallet handle, the decrypted document list, and every object URL
 * made for viewing. Everything here lives in memory only and is dropped by lock().
 */
import { api, uploadContent, ApiError, type Account, type ShareDocumentBody, type StoredDocument, type Usage, type WorkerCard } from './api';
import { fromBase64, toBase64 } from './base64';
import { parseMetadata, type Metadata } from './metadata';
import { encryptNote, encryptedLength, LinkSecret, type Wallet } from './pde';
import { linkUrl } from './sharing';

export const SLICE = 1024 * 1024;

export interface DocEntry {
  id: string;
  size: number;
  createdAt: number;
  /** null when the envelope or metadata could not be decrypted. */
  handle: number | null;
  meta: Metadata | null;
  damaged: boolean;
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

/** Object URLs made for viewing decrypted documents; every one is revoked on lock. */
export class UrlKeeper {
  private urls = new Set<string>();

  /** An object URL that lock() will revoke. */
  objectUrl(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    this.urls.add(url);
    return url;
  }

  revoke(url: string): void {
    if (this.urls.delete(url)) URL.revokeObjectURL(url);
  }

  protected revokeAll(): void {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}

/** Decrypts a content ciphertext response in memory, streaming it through a ContentReader. */
export async function decryptResponse(wallet: Wallet, handle: number, plainSize: number, mime: string, res: Response): Promise<Blob> {
  const reader = wallet.contentReader(handle, plainSize);
  const parts: BlobPart[] = [];
  try {
    const body = res.body;
    if (body) {
      const r = body.getReader();
      for (;;) {
        const { done, value } = await r.read();
        if (done) break;
        const out = reader.push(value);
        if (out.length) parts.push(out as Uint8Array<ArrayBuffer>);
      }
    } else {
      const out = reader.push(new Uint8Array(await res.arrayBuffer()));
      if (out.length) parts.push(out as Uint8Array<ArrayBuffer>);
    }
    parts.push(reader.finish() as Uint8Array<ArrayBuffer>);
  } finally {
    reader.free();
  }
  return new Blob(parts, { type: mime });
}

/** Zeroizes and drops a wallet; never throws. */
export function dropWallet(wallet: Wallet): void {
  try {
    wallet.lock();
  } catch {
    /* already locked */
  }
  try {
    wallet.free();
  } catch {
    /* ignore */
  }
}

/** A link just made: its address (with the secret) and when it ends. */
export interface MadeLink {
  id: string;
  url: string;
  expiresAt: number;
}

export class Session extends UrlKeeper {
  readonly kind = 'holder';
  docs: DocEntry[] = [];
  usage: Usage | null = null;
  private locked = false;

  constructor(
    readonly wallet: Wallet,
    readonly pseudonym: string,
  ) {
    super();
  }

  /** Reloads the document list; `account` when the caller has just fetched it. */
  async refresh(account?: Account): Promise<void> {
    const [list, acc] = await Promise.all([api.documents(), account ?? api.account()]);
    this.usage = acc.usage;
    const known = new Map(this.docs.map((d) => [d.id, d]));
    this.docs = list.documents.map((d) => known.get(d.id) ?? this.openEntry(d));
  }

  private openEntry(d: StoredDocument): DocEntry {
    const entry: DocEntry = { id: d.id, size: d.size, createdAt: d.created_at, handle: null, meta: null, damaged: false };
    try {
      entry.handle = this.wallet.openDocument(fromBase64(d.envelope));
      entry.meta = parseMetadata(this.wallet.decryptMetadata(entry.handle, fromBase64(d.metadata)));
    } catch (e) {
      if ((e as { code?: string }).code === 'locked') throw e;
      entry.damaged = true;
    }
    return entry;
  }

  /** Checks the server's limits for a plaintext of `plainLength` bytes, before encrypting. */
  checkLimits(plainLength: number): number {
    const len = encryptedLength(plainLength);
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

  /** Encrypts `content` in 1 MiB slices and uploads it; returns the new document's id. */
  async add(content: Blob, meta: Metadata, onProgress: ProgressFn): Promise<string> {
    this.checkLimits(content.size);
    const writer = this.wallet.newDocument(JSON.stringify({ ...meta, size: content.size }));
    const parts: BlobPart[] = [];
    let handle: number | null = null;
    try {
      for (let off = 0; off < content.size || off === 0; off += SLICE) {
        const slice = new Uint8Array(await content.slice(off, off + SLICE).arrayBuffer());
        const out = writer.push(slice);
        if (out.length) parts.push(out as Uint8Array<ArrayBuffer>);
        onProgress('encrypt', Math.min(1, (off + SLICE) / Math.max(1, content.size)));
        if (content.size === 0) break;
        // let the page breathe (progress bar, auto-lock timers)
        await new Promise((r) => setTimeout(r, 0));
      }
      parts.push(writer.finish() as Uint8Array<ArrayBuffer>);
      const body = new Blob(parts, { type: 'application/octet-stream' });
      parts.length = 0;
      const { id } = await api.reserveDocument({
        size: body.size,
        metadata: toBase64(writer.metadata()),
        envelope: toBase64(writer.envelope()),
      });
      handle = writer.documentHandle();
      await uploadContent(id, body, (sent, total) => onProgress('upload', total ? sent / total : 1));
      const entry: DocEntry = { id, size: body.size, createdAt: Math.floor(Date.now() / 1000), handle, meta: { ...meta, size: content.size }, damaged: false };
      handle = null;
      this.docs = [...this.docs, entry];
      this.usage = (await api.account()).usage;
      return id;
    } finally {
      if (handle !== null) this.safeForget(handle);
      writer.free();
    }
  }

  /** Decrypts a document's content in memory, streaming the response through a ContentReader. */
  async open(entry: DocEntry): Promise<Blob> {
    if (entry.handle === null || !entry.meta) throw new ApiError('damaged', 0);
    const res = await api.content(entry.id);
    return decryptResponse(this.wallet, entry.handle, entry.meta.size, entry.meta.mime, res);
  }

  /** Seals each document's key D to `recipient` (a share envelope per document). */
  private envelopes(entries: readonly DocEntry[], recipient: string): ShareDocumentBody[] {
    return entries.map((e) => {
      if (e.handle === null) throw new ApiError('damaged', 0);
      return { id: e.id, envelope: toBase64(this.wallet.shareEnvelope(e.handle, recipient)) };
    });
  }

  /** Shares documents with a worker; `noteJson` is note JSON v1 or null. */
  async shareWithWorker(entries: readonly DocEntry[], worker: WorkerCard, durationSecs: number, noteJson: string | null) {
    const documents = this.envelopes(entries, worker.recipient);
    const note = noteJson ? toBase64(encryptNote(worker.recipient, noteJson)) : null;
    return api.createShare({ kind: 'worker', worker_id: worker.id, duration_secs: durationSecs, note, documents });
  }

  /** Makes a share link; the link secret is freed before this returns. */
  async shareAsLink(entries: readonly DocEntry[], durationSecs: number, pin: string | null, noteJson: string | null, origin: string): Promise<MadeLink> {
    const secret = LinkSecret.generate();
    try {
      const recipient = secret.recipient();
      const documents = this.envelopes(entries, recipient);
      const note = noteJson ? toBase64(encryptNote(recipient, noteJson)) : null;
      const made = await api.createShare({
        kind: 'link', duration_secs: durationSecs, access_key: toBase64(secret.accessKey()), pin, note, documents,
      });
      return { id: made.id, url: linkUrl(origin, made.id, secret.fragment()), expiresAt: made.expires_at };
    } finally {
      secret.free();
    }
  }

  async updateMetadata(entry: DocEntry, changes: Partial<Metadata>): Promise<void> {
    if (entry.handle === null || !entry.meta) throw new ApiError('damaged', 0);
    const meta = { ...entry.meta, ...changes } as Metadata;
    const ct = this.wallet.encryptMetadata(entry.handle, JSON.stringify(meta));
    await api.putMetadata(entry.id, toBase64(ct));
    entry.meta = meta;
    this.docs = [...this.docs];
  }

  async remove(entry: DocEntry): Promise<void> {
    await api.deleteDocument(entry.id);
    if (entry.handle !== null) this.safeForget(entry.handle);
    this.docs = this.docs.filter((d) => d.id !== entry.id);
    this.usage = (await api.account()).usage;
  }

  private safeForget(handle: number): void {
    try {
      this.wallet.forgetDocument(handle);
    } catch {
      /* already locked */
    }
  }

  /** Zeroizes keys, revokes every object URL, drops decrypted data, ends the server session. */
  async lock(): Promise<void> {
    if (this.locked) return;
    this.locked = true;
    this.revokeAll();
    this.docs = [];
    this.usage = null;
    dropWallet(this.wallet);
    try {
      await api.logout();
    } catch {
      /* the session expires on the server anyway */
    }
  }
}
