/**
 * The messages between the page and the crypto worker (crypto.worker.ts): one typed request
 * per operation, its typed reply, and the pure bookkeeping of ids and pending replies.
 *
 * Key material never appears in these messages: the worker keeps the wallet identity, every
 * document identity, slot keys, link identities and stream keys, and the page names them by
 * opaque numbers (`keys`, `doc`, `stream`, `link`) that mean nothing outside the worker; a
 * passkey's PRF output is handed over (its buffer transferred) and zeroed there. What
 * crosses is what the page must have anyway: auth and access keys (sent to the server),
 * ciphertexts, the plaintext it asked for, a new recovery code (shown once) and a link's
 * fragment (it goes into the link).
 */

export interface Kdf {
  m_kib: number;
  t: number;
  p: number;
}

/** A document the worker opened: its opaque number and metadata JSON, or why it failed. */
export type Opened = { doc: number; metadataJson: string } | { error: string };

/** Every operation: what the page sends (`req`) and what the worker answers (`res`). */
export interface Ops {
  randomSalt: { req: Record<never, never>; res: { salt: Uint8Array } };
  generateRecoveryCode: { req: Record<never, never>; res: { code: string } };
  encryptedLength: { req: { plainLength: number }; res: { length: number } };
  /**
   * Allocates Argon2id's working memory for `kdf` ahead of a derivation (while the person
   * types), so derivePassphraseKeys does not start by allocating it; nothing secret.
   */
  reserveKdfMemory: { req: { kdf: Kdf }; res: Record<never, never> };
  derivePassphraseKeys: { req: { passphrase: string; salt: Uint8Array; kdf: Kdf }; res: { keys: number; authKey: Uint8Array } };
  deriveRecoveryKeys: { req: { code: string }; res: { keys: number; authKey: Uint8Array } };
  freeKeys: { req: { keys: number }; res: Record<never, never> };
  /** A new wallet identity W; the worker holds one wallet at a time. */
  createWallet: { req: Record<never, never>; res: { recipient: string } };
  /** Opens W from a key slot with slot keys made by this worker. */
  openWallet: { req: { slot: Uint8Array; keys: number }; res: { recipient: string } };
  sealSlot: { req: { keys: number }; res: { slot: Uint8Array } };
  /**
   * Opens W from a passkey slot with the passkey's PRF output. The page transfers the output's
   * buffer (it is gone from the page) and the worker overwrites it once the slot key is made.
   */
  openWithPasskey: { req: { slot: Uint8Array; prfOutput: Uint8Array }; res: { recipient: string } };
  /** A passkey slot holding the open W, for a PRF output transferred as for openWithPasskey. */
  sealPasskeySlot: { req: { prfOutput: Uint8Array }; res: { slot: Uint8Array } };
  /** The open wallet's recipient, as this worker computes it (public). */
  walletRecipient: { req: Record<never, never>; res: { recipient: string } };
  /** The wallet becomes the link identity L of a link's fragment. */
  openLink: { req: { fragment: string }; res: { accessKey: Uint8Array } };
  /** Opens envelopes and decrypts their metadata, in one call, in order. */
  openDocuments: { req: { items: { envelope: Uint8Array; metadata: Uint8Array }[] }; res: { opened: Opened[] } };
  forgetDocuments: { req: { docs: number[] }; res: Record<never, never> };
  encryptMetadata: { req: { doc: number; metadataJson: string }; res: { ciphertext: Uint8Array } };
  newDocument: {
    req: { metadataJson: string };
    res: { stream: number; doc: number; metadata: Uint8Array; envelope: Uint8Array; encryptedLength: number };
  };
  contentReader: { req: { doc: number; plainLength: number }; res: { stream: number } };
  /** Export: a stream re-encrypting a stored content to W (push/finish as for a reader). */
  contentExporter: { req: { doc: number; plainLength: number }; res: { stream: number } };
  /** Export: W in an age file encrypted with a passphrase (scrypt); only the file leaves. */
  exportIdentity: { req: { passphrase: string }; res: { file: Uint8Array } };
  /** Export: a document's metadata JSON (without thumbnail) as an age file to W. */
  exportMetadata: { req: { doc: number; metadataJson: string }; res: { file: Uint8Array } };
  /** A slice through a writer or reader; the chunk's buffer is transferred, not copied. */
  push: { req: { stream: number; chunk: Uint8Array }; res: { out: Uint8Array } };
  finish: { req: { stream: number }; res: { out: Uint8Array } };
  closeStream: { req: { stream: number }; res: Record<never, never> };
  shareEnvelopes: { req: { docs: number[]; recipient: string }; res: { envelopes: Uint8Array[] } };
  /** A new link secret; only its fragment, recipient and access key leave the worker. */
  newLink: { req: Record<never, never>; res: { link: number; recipient: string; accessKey: Uint8Array; fragment: string } };
  freeLink: { req: { link: number }; res: Record<never, never> };
  encryptNote: { req: { recipient: string; noteJson: string }; res: { ciphertext: Uint8Array } };
  decryptNote: { req: { ciphertext: Uint8Array }; res: { noteJson: string } };
  // ---- trusted helpers (docs/formats.md, "Helper slot") ----
  /**
   * A new helper set for the open W: k of n shares, the server part, the recovery secret's
   * auth key and the helper slot. The shares stay in the worker under `setup`.
   */
  helperSetup: {
    req: { threshold: number; helpers: number };
    res: { setup: number; serverPart: Uint8Array; authKey: Uint8Array; slot: Uint8Array };
  };
  /** Share `index` of a set, encrypted to a worker helper's recipient. */
  helperShareFor: { req: { setup: number; index: number; recipient: string }; res: { share: Uint8Array } };
  /**
   * Paper card `index` of a set: its text (printed and put in its QR code; never sent) and the
   * auth key the server checks a typed card with.
   */
  helperCard: { req: { setup: number; index: number }; res: { text: string; authKey: Uint8Array } };
  freeHelperSetup: { req: { setup: number }; res: Record<never, never> };
  /** A worker helper's approval: their share (sealed to W) re-encrypted to a request's recipient. */
  resealHelperShare: { req: { share: Uint8Array; recipient: string }; res: { share: Uint8Array } };
  /** The short code of a help request's recipient, computed here (not taken from the server). */
  helpRequestCode: { req: { recipient: string }; res: { code: string } };
  /** The recovering browser: a fresh key for a help request, kept in this worker only. */
  helpStart: { req: Record<never, never>; res: { recipient: string; code: string } };
  /**
   * A typed or scanned paper card, kept here; its auth key (for the release request), or why
   * the text is not a card: `mistyped` (the checksum says a character is wrong) or `invalid`.
   */
  helpAddCard: { req: { text: string }; res: { authKey: Uint8Array } | { invalid: 'mistyped' | 'invalid' } };
  /**
   * Opens the release (server part and workers' shares, sealed to the request's key) with the
   * cards typed: W becomes this worker's wallet; answers the auth key that completes the request.
   */
  helpOpen: { req: { serverPart: Uint8Array; shares: Uint8Array[]; slot: Uint8Array }; res: { recipient: string; authKey: Uint8Array } };
  /** The wallet record (JSON with a version `v`) as an age file to W, and back. */
  sealRecord: { req: { recordJson: string }; res: { ciphertext: Uint8Array } };
  openRecord: { req: { ciphertext: Uint8Array }; res: { recordJson: string } };
}

export type Op = keyof Ops;
export type RequestOf<K extends Op> = { op: K } & Ops[K]['req'];
export type ReplyOf<K extends Op> = Ops[K]['res'];
export type Request = { [K in Op]: RequestOf<K> }[Op];

/** Page → worker. */
export type ToWorker = { kind: 'init'; lock: string } | { kind: 'call'; id: number; req: Request };

/** Worker → page. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'reply'; id: number; ok: true; res: ReplyOf<Op> }
  | { kind: 'reply'; id: number; ok: false; code: string; message: string };

/** The crypto error codes (`pdeErrorCode`), plus `worker_lost` when the worker is gone. */
export const WORKER_LOST = 'worker_lost';

/** An error of the crypto module, as the page sees it: an Error named PdeError with a code. */
export class PdeError extends Error {
  override readonly name = 'PdeError';
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

/** The `code` of an error thrown by the crypto module, if it is one. */
export function pdeErrorCode(e: unknown): string | null {
  if (e instanceof Error && e.name === 'PdeError') {
    const code = (e as Error & { code?: unknown }).code;
    return typeof code === 'string' ? code : 'internal';
  }
  return null;
}

interface Pending {
  resolve: (res: never) => void;
  reject: (e: Error) => void;
}

/**
 * Request ids and the replies still awaited. Pure: it does not know how messages travel, so
 * the page's client and the unit tests share it.
 */
export class Calls {
  private next = 1;
  private pending = new Map<number, Pending>();
  private ended: string | null = null;

  /** A new call: its message, and the promise of its reply. */
  start<K extends Op>(req: RequestOf<K>): { message: ToWorker; reply: Promise<ReplyOf<K>> } {
    const id = this.next++;
    const reply = new Promise<ReplyOf<K>>((resolve, reject) => {
      if (this.ended) reject(new PdeError(this.ended));
      else this.pending.set(id, { resolve: resolve as (res: never) => void, reject });
    });
    return { message: { kind: 'call', id, req: req as Request }, reply };
  }

  /** Settles the call a reply answers; a reply to no pending call is ignored. */
  settle(msg: FromWorker): void {
    if (msg.kind !== 'reply') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.res as never);
    else p.reject(new PdeError(msg.code, msg.message));
  }

  /** Fails every pending call, and every later one, with `code` (`locked`, `worker_lost`). */
  end(code: string): void {
    this.ended ??= code;
    for (const p of this.pending.values()) p.reject(new PdeError(this.ended));
    this.pending.clear();
  }

  get waiting(): number {
    return this.pending.size;
  }

  get endedWith(): string | null {
    return this.ended;
  }
}

/** The buffers of a reply or request worth transferring rather than copying. */
export function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown) => {
    if (v instanceof Uint8Array) {
      // Only a view that owns its whole buffer can be handed over without giving away more.
      if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.add(v.buffer);
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v && typeof v === 'object') {
      Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return [...out];
}
