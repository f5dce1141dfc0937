/**
 * Worker card codes (docs/sharing.md): 40 bits as 8 Crockford Base32 characters, big-endian,
 * and one check character (the value mod 37), shown as `XXXX-XXXX-C`.
 */

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CHECK_ALPHABET = CODE_ALPHABET + '*~$=U';

const MAX = 2 ** 40;

export type CodeCheck =
  /** The whole code, in display form. */
  | { ok: true; code: string; value: number }
  /** `empty`: nothing typed; `short`: fine so far, characters missing; `malformed`: a character
   * that is not in the alphabet, or too many; `mistyped`: the check character does not match. */
  | { ok: false; reason: 'empty' | 'short' | 'malformed' | 'mistyped' };

/** Upper case, without spaces and dashes, I/L read as 1 and O as 0. */
export function normalizeWorkerCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** The display form of a 40-bit value. */
export function formatWorkerCode(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value >= MAX) throw new RangeError('worker code: bad value');
  let body = '';
  let v = value;
  for (let i = 0; i < 8; i++) {
    body = CODE_ALPHABET[v % 32]! + body;
    v = Math.floor(v / 32);
  }
  return `${body.slice(0, 4)}-${body.slice(4)}-${CHECK_ALPHABET[value % 37]!}`;
}

/** Reads a typed or scanned code. */
export function parseWorkerCode(input: string): CodeCheck {
  const s = normalizeWorkerCode(input);
  if (!s) return { ok: false, reason: 'empty' };
  if (s.length > 9) return { ok: false, reason: 'malformed' };
  let value = 0;
  for (let i = 0; i < Math.min(s.length, 8); i++) {
    const d = CODE_ALPHABET.indexOf(s[i]!);
    if (d < 0) return { ok: false, reason: 'malformed' };
    value = value * 32 + d;
  }
  if (s.length < 9) return { ok: false, reason: 'short' };
  const check = CHECK_ALPHABET.indexOf(s[8]!);
  if (check < 0) return { ok: false, reason: 'malformed' };
  if (check !== value % 37) return { ok: false, reason: 'mistyped' };
  return { ok: true, code: formatWorkerCode(value), value };
}
