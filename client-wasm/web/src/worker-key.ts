/**
 * A worker's key as the holder's browser checks it (docs/sharing.md, "Worker card code"): the
 * card code is the first 40 bits of the fingerprint (SHA-256 of the recipient's text), and the
 * card's QR code carries the whole fingerprint. The browser recomputes the fingerprint of the
 * recipient the server answers and refuses to share on a mismatch, so the server cannot swap
 * a worker's key for its own.
 */
import { api, ApiError, type WorkerCard } from './api';
import { formatWorkerCode, parseWorkerCode } from './workercode';

/** What a holder scanned or typed: a code (40 bits), and from a QR the whole fingerprint. */
export interface ScannedCard {
  /** Display form `XXXX-XXXX-C`. */
  code: string;
  /** 32 bytes, from the card's QR code only. */
  fingerprint: Uint8Array | null;
}

const QR_PREFIX = 'pde-worker:1:';

/** SHA-256 of the recipient's text form (`age1…`). */
export async function recipientFingerprint(recipient: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(recipient)));
}

/** The card code of a fingerprint: its first 40 bits, big-endian. */
export function codeOfFingerprint(fp: Uint8Array): string {
  let value = 0;
  for (let i = 0; i < 5; i++) value = value * 256 + fp[i]!;
  return formatWorkerCode(value);
}

/** The text of a worker's card QR code: `pde-worker:1:` and the fingerprint in unpadded Base64url. */
export function cardQrText(fp: Uint8Array): string {
  let s = '';
  for (const b of fp) s += String.fromCharCode(b);
  return QR_PREFIX + btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Reads a scanned QR code or a typed code; null when it is neither. A card QR code of an
 * older card (the code alone) is read as a typed code.
 */
export function readWorkerCard(text: string): ScannedCard | null {
  const t = text.trim();
  if (t.startsWith(QR_PREFIX)) {
    const b64 = t.slice(QR_PREFIX.length);
    if (!/^[A-Za-z0-9_-]{43}$/.test(b64)) return null;
    const raw = atob(b64.replace(/-/g, '+').replace(/_/g, '/') + '=');
    const fp = Uint8Array.from(raw, (c) => c.charCodeAt(0));
    return { code: codeOfFingerprint(fp), fingerprint: fp };
  }
  const c = parseWorkerCode(t);
  return c.ok ? { code: c.code, fingerprint: null } : null;
}

/** Whether `recipient` is the key of the card the holder scanned or typed. */
export async function recipientMatchesCard(recipient: string, card: ScannedCard): Promise<boolean> {
  const fp = await recipientFingerprint(recipient);
  if (card.fingerprint) {
    if (card.fingerprint.length !== fp.length) return false;
    let diff = 0;
    for (let i = 0; i < fp.length; i++) diff |= fp[i]! ^ card.fingerprint[i]!;
    return diff === 0;
  }
  return codeOfFingerprint(fp) === card.code;
}

/**
 * The worker of a scanned or typed card, as the server knows them, once their recipient is
 * checked against the card; `worker_key_mismatch` when it is not the card's key.
 */
export async function findWorker(card: ScannedCard): Promise<WorkerCard> {
  const worker = await api.worker(card.code);
  if (!(await recipientMatchesCard(worker.recipient, card))) throw new ApiError('worker_key_mismatch', 0);
  return worker;
}
