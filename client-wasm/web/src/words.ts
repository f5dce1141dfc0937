import { randomInt, type RandomSource, cryptoRandom } from './random';
import type { Lang } from './i18n-core';

/** Parses a committed word list (one word per line). */
export function parseWordList(text: string): string[] {
  return text
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

/** Picks `count` words uniformly (with replacement) from `list`. */
export function pickWords(list: readonly string[], count = 5, source: RandomSource = cryptoRandom): string[] {
  if (list.length < 2) throw new Error('word list too short');
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(list[randomInt(list.length, source)]!);
  return out;
}

/** Entropy in bits of `count` words drawn from a list of `size` words. */
export function passphraseBits(size: number, count = 5): number {
  return count * Math.log2(size);
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
    };
    p = loaders[lang]().then((m) => parseWordList(m.default));
    cache.set(lang, p);
  }
  return p;
}
