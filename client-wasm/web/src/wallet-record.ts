/**
 * The wallet record (docs/formats.md, "Wallet record"): a small JSON document the browser keeps
 * on the server for the wallet itself, encrypted in the crypto worker to the wallet's own
 * recipient, so that the server stores it but cannot read it. Its first content is the workers
 * the holder shared with, each with the whole fingerprint of the key used, so that a key that
 * changes later is noticed (trust on first use, on top of the card code check of worker-key.ts).
 *
 * The pure part (parse, merge, compare, remember) is here with the loading and the
 * compare-and-swap writing (`RecordKeeper`), which a session creates and loads only when the
 * share flow needs it, so opening the wallet does not wait for it.
 */
import { api, ApiError, type WorkerCard } from './api';
import { fromBase64, toBase64 } from './base64';
import type { CryptoWorker } from './pde';
import { findWorker, recipientFingerprint, type ScannedCard } from './worker-key';

export const RECORD_VERSION = 1;
/** The longest record text the crypto module seals (pde_crypto::record::MAX_RECORD_TEXT). */
export const MAX_RECORD_TEXT = 60 * 1024;

/** A worker the holder shared with, and the key their shares were encrypted to. */
export interface WorkerEntry {
  /** The server's worker id. */
  id: string;
  /** Their card code, display form. */
  code: string;
  /** SHA-256 of their recipient's text, unpadded Base64url (as in the card's QR code). */
  fingerprint: string;
  /** Their name and organisation as shown when the holder shared. */
  name: string;
  organisation: string;
  /** Unix seconds of the first and of the latest share with this key. */
  first_used: number;
  last_used: number;
}

export interface WalletRecord {
  v: typeof RECORD_VERSION;
  workers: WorkerEntry[];
}

export const emptyRecord = (): WalletRecord => ({ v: RECORD_VERSION, workers: [] });

/** The fingerprint in the record's text form. */
export function fingerprintText(fp: Uint8Array): string {
  let s = '';
  for (const b of fp) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const isEntry = (e: unknown): e is WorkerEntry => {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  return (
    typeof o.id === 'string' &&
    typeof o.code === 'string' &&
    typeof o.fingerprint === 'string' &&
    typeof o.name === 'string' &&
    typeof o.organisation === 'string' &&
    Number.isSafeInteger(o.first_used) &&
    Number.isSafeInteger(o.last_used)
  );
};

/** Why a record's text cannot be used. */
export class RecordError extends Error {
  constructor(readonly reason: 'newer' | 'invalid') {
    super(reason);
    this.name = 'RecordError';
  }
}

/**
 * Reads a record's JSON text. A version this client does not know is `newer` (written by a
 * newer app: it must not be overwritten); anything else malformed is `invalid`.
 */
export function parseRecord(json: string): WalletRecord {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new RecordError('invalid');
  }
  if (!value || typeof value !== 'object') throw new RecordError('invalid');
  const o = value as Record<string, unknown>;
  if (typeof o.v !== 'number') throw new RecordError('invalid');
  if (o.v !== RECORD_VERSION) throw new RecordError(o.v > RECORD_VERSION ? 'newer' : 'invalid');
  if (!Array.isArray(o.workers) || !o.workers.every(isEntry)) throw new RecordError('invalid');
  return { v: RECORD_VERSION, workers: o.workers.map((e) => ({ ...e })) };
}

/**
 * Two versions of the record as one (two devices wrote meanwhile): every worker of either, and
 * for a worker in both, the entry last used (its key, name and last use), with the earlier
 * first use of the two if the key is the same. Neither side's entries are lost.
 */
export function mergeRecords(a: WalletRecord, b: WalletRecord): WalletRecord {
  const byId = new Map<string, WorkerEntry>();
  for (const e of [...a.workers, ...b.workers]) {
    const had = byId.get(e.id);
    if (!had) {
      byId.set(e.id, { ...e });
      continue;
    }
    const newer = e.last_used > had.last_used ? e : had;
    const older = newer === e ? had : e;
    const first = newer.fingerprint === older.fingerprint ? Math.min(newer.first_used, older.first_used) : newer.first_used;
    byId.set(e.id, { ...newer, first_used: first });
  }
  return { v: RECORD_VERSION, workers: [...byId.values()].sort((x, y) => x.first_used - y.first_used || (x.id < y.id ? -1 : 1)) };
}

/** What the record says of a worker the server answered. */
export type KeyCheck =
  /** Never shared with this worker nor with this card code. */
  | { kind: 'new' }
  /** The key the holder used before. */
  | { kind: 'same'; entry: WorkerEntry }
  /** Another key than before, for this worker id or for this card code. */
  | { kind: 'changed'; entry: WorkerEntry };

/**
 * Compares the key the server answered for a worker (`fingerprint`, already checked against
 * the card) with the ones remembered: for the same worker id, and for the same card code (a
 * server that ground a key with the code of a worker the holder knows may answer it under
 * another worker id).
 */
export function checkWorkerKey(record: WalletRecord, worker: { id: string; code: string }, fingerprint: string): KeyCheck {
  const changed = record.workers.find((e) => (e.id === worker.id || e.code === worker.code) && e.fingerprint !== fingerprint);
  if (changed) return { kind: 'changed', entry: changed };
  const same = record.workers.find((e) => e.id === worker.id);
  return same ? { kind: 'same', entry: same } : { kind: 'new' };
}

/**
 * The record after a share with `worker` under the key `fingerprint` at `now`: their entry
 * added or refreshed (a new key starts a new first use), and any other entry with the same
 * card code but another key dropped, since the holder has just confirmed this one. Entries
 * least recently used go first if the text would pass the crypto module's limit.
 */
export function rememberWorker(record: WalletRecord, worker: WorkerCard, fingerprint: string, now: number): WalletRecord {
  const had = record.workers.find((e) => e.id === worker.id);
  const entry: WorkerEntry = {
    id: worker.id,
    code: worker.code,
    fingerprint,
    name: worker.real_name,
    organisation: worker.organisation,
    first_used: had && had.fingerprint === fingerprint ? had.first_used : now,
    last_used: Math.max(now, had?.last_used ?? 0),
  };
  let workers = [...record.workers.filter((e) => e.id !== worker.id && !(e.code === worker.code && e.fingerprint !== fingerprint)), entry];
  while (workers.length > 1 && JSON.stringify({ v: RECORD_VERSION, workers }).length > MAX_RECORD_TEXT) {
    const oldest = workers.filter((e) => e !== entry).reduce((x, y) => (y.last_used < x.last_used ? y : x));
    workers = workers.filter((e) => e !== oldest);
  }
  return { v: RECORD_VERSION, workers };
}

/** The record as last read from the server, with its version there. */
interface Loaded {
  version: number;
  record: WalletRecord;
}

/**
 * The record of the open wallet: read once when first needed, written with the version read
 * (compare-and-swap). On `record_changed` (another device wrote since) it reads again, merges
 * both and writes again.
 */
export class RecordKeeper {
  private loaded: Promise<Loaded> | null = null;

  constructor(private readonly crypto: CryptoWorker) {}

  private async read(): Promise<Loaded> {
    const stored = await api.record();
    if (!stored.record) return { version: stored.version, record: emptyRecord() };
    let json: string;
    try {
      ({ recordJson: json } = await this.crypto.call({ op: 'openRecord', ciphertext: fromBase64(stored.record) }));
    } catch (e) {
      // A record that does not open with this wallet is no better than none (the server could
      // as well have answered none); it is written anew at the next share.
      if (e instanceof Error && e.name === 'PdeError') return { version: stored.version, record: emptyRecord() };
      throw e;
    }
    try {
      return { version: stored.version, record: parseRecord(json) };
    } catch (e) {
      if (e instanceof RecordError && e.reason === 'invalid') return { version: stored.version, record: emptyRecord() };
      throw new ApiError('record_newer', 0);
    }
  }

  /** Drops the record read (the wallet is locked). */
  forget(): void {
    this.loaded = null;
  }

  /** Starts reading the record, if not yet done (the share flow calls it on its first screen). */
  prefetch(): void {
    void this.load().catch(() => undefined);
  }

  /** The record, read from the server the first time (and again after a failed read). */
  load(): Promise<Loaded> {
    if (!this.loaded) {
      const reading = this.read();
      this.loaded = reading;
      reading.catch(() => {
        if (this.loaded === reading) this.loaded = null;
      });
    }
    return this.loaded;
  }

  /** What the record says of the key the server answered for `worker`. */
  async check(worker: { id: string; code: string }, fingerprint: string): Promise<KeyCheck> {
    return checkWorkerKey((await this.load()).record, worker, fingerprint);
  }

  /** Applies `change` to the record and writes it, merging with writes from elsewhere. */
  async update(change: (r: WalletRecord) => WalletRecord): Promise<void> {
    let base = await this.load();
    for (let attempt = 0; ; attempt++) {
      const next = change(base.record);
      const { ciphertext } = await this.crypto.call({ op: 'sealRecord', recordJson: JSON.stringify(next) });
      try {
        const { version } = await api.putRecord(base.version, toBase64(ciphertext));
        this.loaded = Promise.resolve({ version, record: next });
        return;
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 'record_changed' || attempt >= 4) throw e;
        this.loaded = null;
        const fresh = await this.load();
        base = { version: fresh.version, record: mergeRecords(fresh.record, next) };
      }
    }
  }
}

/**
 * The worker of a scanned or typed card once their key is checked against the card
 * (`findWorker`) and against the record: a key other than the one the holder used before for
 * this worker or this card code is `worker_key_changed`, unless the card's QR code was scanned
 * (its whole fingerprint is the key the server answered): the share then goes ahead and
 * records the new key.
 */
export async function findRememberedWorker(card: ScannedCard, keeper: RecordKeeper): Promise<WorkerCard> {
  keeper.prefetch();
  const worker = await findWorker(card);
  const check = await keeper.check(worker, fingerprintText(await recipientFingerprint(worker.recipient)));
  if (check.kind === 'changed' && !card.fingerprint) throw new ApiError('worker_key_changed', 0);
  return worker;
}

/** Records (or refreshes) the key a share with `worker` was just made to. */
export async function recordShare(keeper: RecordKeeper, worker: WorkerCard, now = Math.floor(Date.now() / 1000)): Promise<void> {
  const fp = fingerprintText(await recipientFingerprint(worker.recipient));
  await keeper.update((r) => rememberWorker(r, worker, fp, now));
}
