/**
 * A small passphrase strength estimator (no zxcvbn): it finds the cheapest way an attacker
 * could describe the passphrase as a sequence of guessable pieces — dictionary words, very
 * common passwords, keyboard or alphabet runs, repeats, years and digit runs, single
 * characters — and adds up the bits of each piece (minimum over all parses, by dynamic
 * programming).
 */

export type StrengthLevel = 0 | 1 | 2 | 3;

export interface Strength {
  bits: number;
  /** 0 very weak, 1 weak, 2 fair, 3 strong. */
  level: StrengthLevel;
  /** Whether the app accepts it as an unlock passphrase. */
  acceptable: boolean;
}

/** Minimum length and entropy the app accepts for a typed passphrase. */
export const MIN_LENGTH = 10;
export const MIN_BITS = 45;

// Passwords people pick first, in the three languages (lower case).
const COMMON = new Set(
  `password passw0rd motdepasse wachtwoord azerty azertyuiop qwerty qwertyuiop abc123 123456
  1234567 12345678 123456789 1234567890 000000 111111 iloveyou jetaime soleil bonjour doudou
  chouchou loulou marseille bruxelles brussel brussels belgique belgie belgium anderlecht
  welkom geheim hallo letmein admin welcome dragon monkey football sunshine princess
  liverpool arsenal chelsea pokemon superman batman master shadow michael jennifer
  nicolas camille julien thomas mohamed ahmed fatima maman papa amour liefde`.split(/\s+/),
);

/** Whether `word` (lower case) is one of the passwords people pick first, which the meter counts as almost free. */
export const isCommonPassword = (word: string): boolean => COMMON.has(word);

const KEYBOARD_ROWS = [
  'azertyuiop', 'qsdfghjklm', 'wxcvbn', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm',
  '1234567890', '0987654321',
];

function charsetBits(c: string): number {
  if (/[a-z]/.test(c)) return Math.log2(26);
  if (/[A-Z]/.test(c)) return Math.log2(26) + 1;
  if (/[0-9]/.test(c)) return Math.log2(10);
  if (/[ !-/:-@[-`{-~]/.test(c)) return Math.log2(33);
  return Math.log2(100);
}

/** Length of an alphabet/digit/keyboard run starting at i (at least 3, else 0). */
function runLength(s: string, i: number): number {
  let best = 0;
  // ascending or descending code points
  for (const step of [1, -1]) {
    let j = i + 1;
    while (j < s.length && s.charCodeAt(j) - s.charCodeAt(j - 1) === step) j++;
    if (j - i >= 3) best = Math.max(best, j - i);
  }
  const lower = s.toLowerCase();
  for (const row of KEYBOARD_ROWS) {
    for (const r of [row, [...row].reverse().join('')]) {
      const start = r.indexOf(lower[i] ?? '');
      if (start < 0) continue;
      let k = 0;
      while (i + k < lower.length && r[start + k] === lower[i + k]) k++;
      if (k >= 3) best = Math.max(best, k);
    }
  }
  return best;
}

/** Length of a repeat starting at i: a unit of 1–4 characters repeated at least 3 times. */
function repeatLength(s: string, i: number): { len: number; unit: number } {
  let best = { len: 0, unit: 0 };
  for (let unit = 1; unit <= 4; unit++) {
    const u = s.slice(i, i + unit);
    if (u.length < unit) break;
    let j = i + unit;
    while (s.slice(j, j + unit) === u) j += unit;
    const len = j - i;
    if (len >= unit * 2 && len >= 3 && len > best.len) best = { len, unit };
  }
  return best;
}

/** Removes accents so that "été" matches "ete" in the word lists. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Estimates the entropy (bits) of `passphrase`. `dictionary` is a set of known lower-case,
 * accent-free words (the passphrase word lists); `dictionaryBits` is the cost of one word.
 */
export function estimateBits(passphrase: string, dictionary: ReadonlySet<string>, dictionaryBits = 13): number {
  const s = passphrase.normalize('NFC');
  const folded = fold(s);
  const n = s.length;
  if (n === 0) return 0;
  const cost = new Array<number>(n + 1).fill(Infinity);
  cost[0] = 0;
  let maxWord = 0;
  for (const w of dictionary) maxWord = Math.max(maxWord, w.length);
  for (const w of COMMON) maxWord = Math.max(maxWord, w.length);
  for (let i = 0; i < n; i++) {
    const here = cost[i]!;
    if (here === Infinity) continue;
    const relax = (end: number, bits: number) => {
      if (here + bits < cost[end]!) cost[end] = here + bits;
    };
    // one character at a time
    relax(i + 1, charsetBits(s[i]!));
    // separators between words are nearly free
    if (/[\s\-_.]/.test(s[i]!)) relax(i + 1, 1);
    // dictionary words and common passwords (capitalised first letter costs one bit)
    for (let len = 3; len <= Math.min(maxWord, n - i); len++) {
      const piece = folded.slice(i, i + len);
      const capital = s[i] !== s[i]!.toLowerCase() ? 1 : 0;
      if (COMMON.has(piece)) relax(i + len, 4 + capital);
      else if (len >= 4 && dictionary.has(piece)) relax(i + len, dictionaryBits + capital);
    }
    // runs: abc, 654, azerty
    const run = runLength(s, i);
    for (let len = 3; len <= run; len++) relax(i + len, Math.log2(26) + Math.log2(len) + 1);
    // repeats: aaaa, abab
    const rep = repeatLength(s, i);
    if (rep.len > 0) {
      const unitBits = [...s.slice(i, i + rep.unit)].reduce((b, c) => b + charsetBits(c), 0);
      relax(i + rep.len, unitBits + Math.log2(rep.len / rep.unit));
    }
    // years 1900–2099 and digit runs
    const year = /^(19|20)\d\d/.exec(s.slice(i));
    if (year) relax(i + 4, Math.log2(200));
  }
  return cost[n]!;
}

export function assess(passphrase: string, dictionary: ReadonlySet<string>): Strength {
  const bits = estimateBits(passphrase, dictionary);
  const trimmed = passphrase.trim();
  let level: StrengthLevel;
  if (bits < 28) level = 0;
  else if (bits < MIN_BITS) level = 1;
  else if (bits < 60) level = 2;
  else level = 3;
  if (trimmed.length < MIN_LENGTH && level > 1) level = 1;
  const acceptable = level >= 2 && trimmed.length >= MIN_LENGTH;
  return { bits, level, acceptable };
}
