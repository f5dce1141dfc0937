/** Pure helpers of the sharing screens (docs/sharing.md): durations, times, notes, PINs, routes. */
import { randomInt, type RandomSource, cryptoRandom } from './random';
import type { Receipt, ShareStatus, ShareSummary } from './api';

export const HOUR = 3600;
export const DAY = 24 * HOUR;

export type DurationId = 'hour' | 'day' | 'week' | 'month';
export interface Duration {
  id: DurationId;
  secs: number;
}

const ALL_DURATIONS: readonly Duration[] = [
  { id: 'hour', secs: HOUR },
  { id: 'day', secs: DAY },
  { id: 'week', secs: 7 * DAY },
  { id: 'month', secs: 30 * DAY },
];

/** What the UI offers for a share with a worker (the server accepts up to 90 days). */
export const WORKER_DURATIONS: readonly Duration[] = ALL_DURATIONS;
/** What the UI offers for a link (the server accepts up to 7 days). */
export const LINK_DURATIONS: readonly Duration[] = ALL_DURATIONS.filter((d) => d.secs <= 7 * DAY);
export const DEFAULT_DURATION: DurationId = 'day';

export function durationSecs(id: DurationId): number {
  return ALL_DURATIONS.find((d) => d.id === id)!.secs;
}

export { formatDateTime } from './format';

/** When a share made now for `secs` ends (Unix seconds), as the server will compute it. */
export function endTime(nowMs: number, secs: number): number {
  return Math.floor(nowMs / 1000) + secs;
}

/**
 * The time left until `expiresAt`, in a unit people read at a glance: minutes (rounded down)
 * under 2 hours, else hours under 2 days, else days, those to the nearest whole one (a share
 * made for 7 days reads "7 days left", not "6"). Null once it has ended.
 */
export function timeLeft(expiresAt: number, nowMs: number): { unit: 'minutes' | 'hours' | 'days'; n: number } | null {
  const left = expiresAt - Math.floor(nowMs / 1000);
  if (left <= 0) return null;
  if (left < 2 * HOUR) return { unit: 'minutes', n: Math.max(1, Math.floor(left / 60)) };
  if (left < 2 * DAY) return { unit: 'hours', n: Math.round(left / HOUR) };
  return { unit: 'days', n: Math.round(left / DAY) };
}

/**
 * The status to show: the server's, `expired` once the end time has passed, and `active` once
 * an appointment's window has opened.
 */
export function shownStatus(share: Pick<ShareSummary, 'status' | 'expires_at' | 'opens_at'>, nowMs: number): ShareStatus {
  const open = share.status === 'active' || share.status === 'scheduled';
  if (open && share.expires_at * 1000 <= nowMs) return 'expired';
  if (share.status === 'scheduled' && share.opens_at !== null && share.opens_at * 1000 <= nowMs) return 'active';
  return share.status;
}

/** Shares newest first (the server already sends them so; this keeps it true after changes). */
export function newestFirst<T extends { created_at: number }>(shares: readonly T[]): T[] {
  return [...shares].sort((a, b) => b.created_at - a.created_at);
}

/** Receipts newest first. */
export function sortReceipts(receipts: readonly Receipt[]): Receipt[] {
  return [...receipts].sort((a, b) => b.at - a.at);
}

/** How many times each document was opened and downloaded. */
export function receiptCounts(receipts: readonly Receipt[]): Map<string, { open: number; download: number }> {
  const out = new Map<string, { open: number; download: number }>();
  for (const r of receipts) {
    const c = out.get(r.document_id) ?? { open: 0, download: 0 };
    c[r.action]++;
    out.set(r.document_id, c);
  }
  return out;
}

/** The titles of a share's documents from the holder's own list; null for a deleted one. */
export function resolveTitles(ids: readonly string[], titles: ReadonlyMap<string, string>): { id: string; title: string | null }[] {
  return ids.map((id) => ({ id, title: titles.get(id) ?? null }));
}

// ---- notes to the worker ----

export const NOTE_MAX = 2000;
export const NOTE_FROM_MAX = 100;

export interface Note {
  from: string | null;
  text: string;
}

/** Note JSON v1, or null when there is nothing to say. */
export function noteJson(from: string, text: string): string | null {
  const f = from.normalize('NFC').trim().slice(0, NOTE_FROM_MAX);
  const t = text.normalize('NFC').trim().slice(0, NOTE_MAX);
  if (!f && !t) return null;
  return JSON.stringify({ v: 1, from: f || null, text: t });
}

/** Reads a decrypted note; null when it is not note JSON v1. */
export function parseNote(json: string): Note | null {
  try {
    const n = JSON.parse(json) as { v?: unknown; from?: unknown; text?: unknown };
    if (n.v !== 1) return null;
    return {
      from: typeof n.from === 'string' && n.from.trim() ? n.from : null,
      text: typeof n.text === 'string' ? n.text : '',
    };
  } catch {
    return null;
  }
}

// ---- workers ----

/** A real name the server accepts: 2 to 100 characters, no control characters. */
export function validRealName(name: string): boolean {
  const n = [...name.normalize('NFC').trim()];
  return n.length >= 2 && n.length <= 100 && !n.some((c) => /[\u0000-\u001f\u007f-\u009f]/.test(c));
}

// ---- PINs ----

export function isPin(s: string): boolean {
  return /^[0-9]{6}$/.test(s);
}

/** A random 6-digit PIN (uniform, leading zeros allowed). */
export function generatePin(source: RandomSource = cryptoRandom): string {
  return String(randomInt(1_000_000, source)).padStart(6, '0');
}

/** Keeps only digits, at most 6. */
export function cleanPin(s: string): string {
  return s.replace(/[^0-9]/g, '').slice(0, 6);
}

/** The longest text a PIN field takes: 6 digits with the separators people type between them. */
export const PIN_FIELD_MAX = 12;

/**
 * The PIN in what a person typed: 6 digits, with any spaces, dots or dashes between them
 * ("123 456", as it is shown, or "123-456"); null for anything else (a letter, 5 or 7 digits).
 */
export function readPin(typed: string): string | null {
  const digits = typed.replace(/[\s.\-]/g, '');
  return isPin(digits) ? digits : null;
}

/** A PIN as it is shown and said: two groups of three digits ("123 456"). */
export function groupPin(pin: string): string {
  return `${pin.slice(0, 3)} ${pin.slice(3)}`;
}

// ---- addresses ----

export function linkUrl(origin: string, id: string, fragment: string): string {
  return `${origin}/s/${id}#${fragment}`;
}

export type Route =
  | { kind: 'app' }
  | { kind: 'join'; token: string | null }
  | { kind: 'link'; id: string; secret: string | null };

/** Which part of the app an address opens, with the secret its fragment carries. */
export function parseRoute(pathname: string, hash: string): Route {
  const fragment = hash.replace(/^#/, '').trim();
  if (/^\/join\/?$/.test(pathname)) return { kind: 'join', token: /^[0-9a-fA-F]{32}$/.test(fragment) ? fragment : null };
  const link = /^\/s\/([0-9a-fA-F]{32})\/?$/.exec(pathname);
  if (link) return { kind: 'link', id: link[1]!, secret: fragment || null };
  return { kind: 'app' };
}

/** The address to leave in the address bar: never the fragment. */
export function addressWithoutSecret(route: Route, pathname: string): string {
  if (route.kind === 'link') return `/s/${route.id}`;
  if (route.kind === 'join') return '/join';
  return pathname;
}
