/**
 * What a worker and a link visitor open: shares decrypted in memory only. The wallet (the
 * worker's W, or the link identity L) lives in a crypto worker; lock() terminates it, revokes
 * every object URL and drops it all.
 */
import { api, ApiError, type IncomingShare, type LinkAccess, type SharedDocument, type WorkerSelf } from './api';
import { fromBase64, toBase64 } from './base64';
import type { Metadata } from './metadata';
import { WORKER_LOST, pdeErrorCode, type CryptoWorker } from './pde';
import { decryptResponse, openBatch } from './session';
import { SessionBase } from './session-base';
import { parseNote, type Note } from './sharing';

/** A shared document; `handle` and `meta` are null when it could not be decrypted. */
export interface SharedEntry {
  id: string;
  size: number;
  handle: number | null;
  meta: Metadata | null;
  damaged: boolean;
}

/** A share addressed to the worker, decrypted. */
export interface IncomingEntry {
  id: string;
  holder: string;
  createdAt: number;
  expiresAt: number;
  note: Note | null;
  docs: SharedEntry[];
}

function sharedEntries(docs: readonly SharedDocument[], opened: readonly { doc: number | null; meta: Metadata | null }[]): SharedEntry[] {
  return docs.map((d, i) => {
    const o = opened[i]!;
    return { id: d.id, size: d.size, handle: o.doc, meta: o.meta, damaged: o.meta === null };
  });
}

async function openNote(crypto: CryptoWorker, note: string | null): Promise<Note | null> {
  if (!note) return null;
  try {
    return parseNote((await crypto.call({ op: 'decryptNote', ciphertext: fromBase64(note) })).noteJson);
  } catch (e) {
    const code = pdeErrorCode(e);
    if (code === 'locked' || code === WORKER_LOST) throw e;
    return null;
  }
}

function forget(crypto: CryptoWorker, docs: readonly SharedEntry[]): void {
  const handles = docs.flatMap((d) => (d.handle === null ? [] : [d.handle]));
  if (handles.length) void crypto.call({ op: 'forgetDocuments', docs: handles }).catch(() => undefined);
}

async function decryptShared(crypto: CryptoWorker, doc: SharedEntry, res: Promise<Response>): Promise<Blob> {
  if (doc.handle === null || !doc.meta) throw new ApiError('damaged', 0);
  return decryptResponse(crypto, doc.handle, doc.meta.size, doc.meta.mime, await res);
}

/** A worker's open account: the shares addressed to them. */
export class WorkerSession extends SessionBase {
  readonly kind = 'worker';
  shares: IncomingEntry[] = [];

  constructor(
    crypto: CryptoWorker,
    readonly pseudonym: string,
    public worker: WorkerSelf,
  ) {
    super(crypto);
  }

  /** Reloads the shares, and the worker's own state (the operator may have verified them since). */
  async refresh(): Promise<void> {
    const [{ shares }, account] = await Promise.all([api.sharedWithMe(), api.account()]);
    if (account.worker) this.worker = account.worker;
    const known = new Map(this.shares.map((s) => [s.id, s]));
    const fresh = shares.filter((s) => !known.has(s.id));
    // Every new share's documents in one call to the worker.
    const opened = await openBatch(this.crypto, fresh.flatMap((s) => s.documents));
    let at = 0;
    const made = new Map<string, IncomingEntry>();
    for (const s of fresh) {
      const docs = sharedEntries(s.documents, opened.slice(at, at + s.documents.length));
      at += s.documents.length;
      made.set(s.id, await this.openIncoming(s, docs));
    }
    const next = shares.map((s) => known.get(s.id) ?? made.get(s.id)!);
    for (const old of this.shares) if (!next.includes(old)) forget(this.crypto, old.docs);
    this.shares = next;
    this.changed();
  }

  private async openIncoming(s: IncomingShare, docs: SharedEntry[]): Promise<IncomingEntry> {
    return {
      id: s.id,
      holder: s.holder,
      createdAt: s.created_at,
      expiresAt: s.expires_at,
      note: await openNote(this.crypto, s.note),
      docs,
    };
  }

  /** Forgets a share the server says has ended. */
  ended(shareId: string): void {
    const gone = this.shares.find((s) => s.id === shareId);
    if (gone) forget(this.crypto, gone.docs);
    this.shares = this.shares.filter((s) => s.id !== shareId);
    this.changed();
  }

  /** Decrypts a document's content (the server records an opening). */
  open(share: IncomingEntry, doc: SharedEntry): Promise<Blob> {
    return decryptShared(this.crypto, doc, api.sharedContent(share.id, doc.id));
  }

  /** Records a download (before the file is saved). */
  recordDownload(share: IncomingEntry, doc: SharedEntry): Promise<void> {
    return api.sharedDownload(share.id, doc.id);
  }

  protected drop(): void {
    this.shares = [];
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

/** What a link opens, decrypted. */
export interface LinkEntry {
  expiresAt: number;
  note: Note | null;
  docs: SharedEntry[];
}

/**
 * A share link being visited. The link secret goes to the crypto worker, which derives the
 * link identity and the access key from it and keeps the identity; the access key (and the PIN
 * once accepted) go with every request.
 */
export class LinkSession extends SessionBase {
  readonly kind = 'link';
  contents: LinkEntry | null = null;

  private constructor(
    readonly id: string,
    crypto: CryptoWorker,
    private access: LinkAccess,
  ) {
    super(crypto);
  }

  /** Opens a link's fragment in a crypto worker of its own. */
  static async start(id: string, fragment: string, crypto: CryptoWorker): Promise<LinkSession> {
    try {
      const { accessKey } = await crypto.call({ op: 'openLink', fragment });
      return new LinkSession(id, crypto, { access_key: toBase64(accessKey), pin: null });
    } catch (e) {
      crypto.terminate();
      throw e;
    }
  }

  /** Asks the server for the link's documents; throws pin_required, wrong_pin, share_ended… */
  async open(pin: string | null): Promise<LinkEntry> {
    const got = await api.linkOpen(this.id, { ...this.access, pin });
    if (this.locked) throw new ApiError('locked', 0);
    this.access = { ...this.access, pin };
    if (this.contents) forget(this.crypto, this.contents.docs);
    const opened = await openBatch(this.crypto, got.documents);
    this.contents = {
      expiresAt: got.expires_at,
      note: await openNote(this.crypto, got.note),
      docs: sharedEntries(got.documents, opened),
    };
    this.changed();
    return this.contents;
  }

  openDoc(doc: SharedEntry): Promise<Blob> {
    return decryptShared(this.crypto, doc, api.linkContent(this.id, doc.id, this.access));
  }

  recordDownload(doc: SharedEntry): Promise<void> {
    return api.linkDownload(this.id, doc.id, this.access);
  }

  protected drop(): void {
    this.contents = null;
    this.access = { access_key: '', pin: null };
  }
}
