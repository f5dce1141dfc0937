/**
 * What a worker and a link visitor open: shares decrypted in memory only. lock() zeroizes the
 * wallet (the worker's W, or the link identity L), revokes every object URL and drops it all.
 */
import { api, ApiError, type IncomingShare, type LinkAccess, type SharedDocument, type WorkerSelf } from './api';
import { fromBase64, toBase64 } from './base64';
import { parseMetadata, type Metadata } from './metadata';
import type { LinkSecret, Wallet } from './pde';
import { UrlKeeper, decryptResponse, dropWallet } from './session';
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

const isLocked = (e: unknown) => (e as { code?: string }).code === 'locked';

function openShared(wallet: Wallet, d: SharedDocument): SharedEntry {
  const entry: SharedEntry = { id: d.id, size: d.size, handle: null, meta: null, damaged: false };
  try {
    entry.handle = wallet.openDocument(fromBase64(d.envelope));
    entry.meta = parseMetadata(wallet.decryptMetadata(entry.handle, fromBase64(d.metadata)));
  } catch (e) {
    if (isLocked(e)) throw e;
    entry.damaged = true;
  }
  return entry;
}

function openNote(wallet: Wallet, note: string | null): Note | null {
  if (!note) return null;
  try {
    return parseNote(wallet.decryptNote(fromBase64(note)));
  } catch (e) {
    if (isLocked(e)) throw e;
    return null;
  }
}

function forget(wallet: Wallet, docs: readonly SharedEntry[]): void {
  for (const d of docs) {
    if (d.handle === null) continue;
    try {
      wallet.forgetDocument(d.handle);
    } catch {
      /* already locked or forgotten */
    }
  }
}

async function decryptShared(wallet: Wallet, doc: SharedEntry, res: Promise<Response>): Promise<Blob> {
  if (doc.handle === null || !doc.meta) throw new ApiError('damaged', 0);
  return decryptResponse(wallet, doc.handle, doc.meta.size, doc.meta.mime, await res);
}

/** A worker's open account: the shares addressed to them. */
export class WorkerSession extends UrlKeeper {
  readonly kind = 'worker';
  shares: IncomingEntry[] = [];
  private locked = false;

  constructor(
    readonly wallet: Wallet,
    readonly pseudonym: string,
    public worker: WorkerSelf,
  ) {
    super();
  }

  /** Reloads the shares, and the worker's own state (the operator may have verified them since). */
  async refresh(): Promise<void> {
    const [{ shares }, account] = await Promise.all([api.sharedWithMe(), api.account()]);
    if (account.worker) this.worker = account.worker;
    const known = new Map(this.shares.map((s) => [s.id, s]));
    const next = shares.map((s) => known.get(s.id) ?? this.openIncoming(s));
    for (const old of this.shares) if (!next.includes(old)) forget(this.wallet, old.docs);
    this.shares = next;
  }

  private openIncoming(s: IncomingShare): IncomingEntry {
    return {
      id: s.id,
      holder: s.holder,
      createdAt: s.created_at,
      expiresAt: s.expires_at,
      note: openNote(this.wallet, s.note),
      docs: s.documents.map((d) => openShared(this.wallet, d)),
    };
  }

  /** Forgets a share the server says has ended. */
  ended(shareId: string): void {
    const gone = this.shares.find((s) => s.id === shareId);
    if (gone) forget(this.wallet, gone.docs);
    this.shares = this.shares.filter((s) => s.id !== shareId);
  }

  /** Decrypts a document's content (the server records an opening). */
  open(share: IncomingEntry, doc: SharedEntry): Promise<Blob> {
    return decryptShared(this.wallet, doc, api.sharedContent(share.id, doc.id));
  }

  /** Records a download (before the file is saved). */
  recordDownload(share: IncomingEntry, doc: SharedEntry): Promise<void> {
    return api.sharedDownload(share.id, doc.id);
  }

  async lock(): Promise<void> {
    if (this.locked) return;
    this.locked = true;
    this.revokeAll();
    this.shares = [];
    dropWallet(this.wallet);
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
 * A share link being visited. The link secret is freed as soon as the link identity and the
 * access key are derived; the access key (and the PIN once accepted) go with every request.
 */
export class LinkSession extends UrlKeeper {
  readonly kind = 'link';
  contents: LinkEntry | null = null;
  private wallet: Wallet;
  private access: LinkAccess;
  private locked = false;

  constructor(
    readonly id: string,
    secret: LinkSecret,
  ) {
    super();
    try {
      this.access = { access_key: toBase64(secret.accessKey()), pin: null };
      this.wallet = secret.openWallet();
    } finally {
      secret.free();
    }
  }

  /** Asks the server for the link's documents; throws pin_required, wrong_pin, share_ended… */
  async open(pin: string | null): Promise<LinkEntry> {
    const got = await api.linkOpen(this.id, { ...this.access, pin });
    if (this.locked) throw new ApiError('locked', 0);
    this.access = { ...this.access, pin };
    if (this.contents) forget(this.wallet, this.contents.docs);
    this.contents = {
      expiresAt: got.expires_at,
      note: openNote(this.wallet, got.note),
      docs: got.documents.map((d) => openShared(this.wallet, d)),
    };
    return this.contents;
  }

  openDoc(doc: SharedEntry): Promise<Blob> {
    return decryptShared(this.wallet, doc, api.linkContent(this.id, doc.id, this.access));
  }

  recordDownload(doc: SharedEntry): Promise<void> {
    return api.linkDownload(this.id, doc.id, this.access);
  }

  async lock(): Promise<void> {
    if (this.locked) return;
    this.locked = true;
    this.revokeAll();
    this.contents = null;
    this.access = { access_key: '', pin: null };
    dropWallet(this.wallet);
  }
}
