import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseWordList, passphraseBits, pickWords } from './words';
import { randomInt, type RandomSource } from './random';

const lists = Object.fromEntries(
  (['fr', 'nl', 'en'] as const).map((l) => [l, parseWordList(readFileSync(new URL(`./wordlists/${l}.txt`, import.meta.url), 'utf8'))]),
);

describe('word lists', () => {
  it.each(['fr', 'nl', 'en'])('%s has at least 2048 short, lower-case, unique words', (l) => {
    const words = lists[l]!;
    expect(words.length).toBeGreaterThanOrEqual(2048);
    expect(new Set(words).size).toBe(words.length);
    for (const w of words) expect(w).toMatch(/^[a-z]{4,8}$/);
  });

  it('gives at least 55 bits for 5 words', () => {
    expect(passphraseBits(lists.fr!.length)).toBeGreaterThanOrEqual(55);
  });

  it('contains none of a few words that must never appear', () => {
    const banned = ['merde', 'putain', 'kanker', 'fuck', 'shit', 'police', 'prison', 'politie', 'suicide'];
    for (const l of Object.values(lists)) for (const b of banned) expect(l).not.toContain(b);
  });
});

describe('word picker', () => {
  it('picks 5 words from the list', () => {
    const words = pickWords(lists.en!, 5);
    expect(words).toHaveLength(5);
    for (const w of words) expect(lists.en).toContain(w);
  });

  it('rejects the biased top of the 32-bit range (rejection sampling)', () => {
    // n = 3: 2^32 % 3 = 1, so the value 2^32 - 1 must be rejected and the next one used.
    const values = [2 ** 32 - 1, 7];
    const source: RandomSource = (out) => {
      out[0] = values.shift()!;
      return out;
    };
    expect(randomInt(3, source)).toBe(7 % 3);
    expect(values).toHaveLength(0);
  });

  it('is roughly uniform', () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) counts[randomInt(10)]++;
    for (const c of counts) expect(c).toBeGreaterThan(1700);
  });

  it('throws on an empty range', () => {
    expect(() => randomInt(0)).toThrow();
  });
});
