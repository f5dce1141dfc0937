import { randomInt, type RandomSource, cryptoRandom } from './random';
import type { Lang } from './i18n-core';

/** Parses a committed word list (one word per line). */
export function parseWordList(text: string): string[] {
  return text
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

/**
 * Picks `count` different words uniformly from `list` (without replacement: a phrase never
 * repeats a word). `list` must not itself repeat a word.
 */
export function pickWords(list: readonly string[], count = 5, source: RandomSource = cryptoRandom): string[] {
  if (list.length < Math.max(2, count)) throw new Error('word list too short');
  // A partial Fisher–Yates shuffle over the indices: each word drawn leaves the pool.
  const pool = list.map((_, i) => i);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(pool.length - i, source);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    out.push(list[pool[i]!]!);
  }
  return out;
}

/** Entropy in bits of `count` different words drawn from a list of `size` words. */
export function passphraseBits(size: number, count = 5): number {
  let bits = 0;
  for (let i = 0; i < count; i++) bits += Math.log2(size - i);
  return bits;
}

/**
 * The language whose words a passphrase gets when the page is in this language: Arabic has no
 * list yet and takes the French one (see loadWordList).
 */
export function wordsLang(lang: Lang): Lang {
  return lang === 'ar' ? 'fr' : lang;
}

const cache = new Map<Lang, Promise<string[]>>();

/** Loads a language's word list lazily (each list is its own small chunk). */
export function loadWordList(lang: Lang): Promise<string[]> {
  let p = cache.get(lang);
  if (!p) {
    const loaders: Record<Lang, () => Promise<{ default: string }>> = {
      fr: () => import('./wordlists/fr.txt?raw'),
      nl: () => import('./wordlists/nl.txt?raw'),
      en: () => import('./wordlists/en.txt?raw'),
      // No Arabic list yet: a passphrase is typed on any keyboard, and the French words
      // (a to z only) are the ones Arabic speakers in Brussels most often read and type.
      ar: () => import('./wordlists/fr.txt?raw'),
    };
    p = loaders[lang]().then((m) => parseWordList(m.default));
    cache.set(lang, p);
  }
  return p;
}
