import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseWordList, passphraseBits, pickWords } from './words';
import { randomInt, type RandomSource } from './random';
import { isCommonPassword } from './strength';

const lists = Object.fromEntries(
  (['fr', 'nl', 'en'] as const).map((l) => [l, parseWordList(readFileSync(new URL(`./wordlists/${l}.txt`, import.meta.url), 'utf8'))]),
);

describe('word lists', () => {
  it.each(['fr', 'nl', 'en'])('%s has exactly 2048 short, lower-case, unique words', (l) => {
    const words = lists[l]!;
    expect(words.length).toBe(2048);
    expect(new Set(words).size).toBe(words.length);
    for (const w of words) expect(w).toMatch(/^[a-z]{4,8}$/);
  });

  it('gives 55 bits for 5 different words, less the few thousandths of a bit that no repeat costs', () => {
    expect(passphraseBits(lists.fr!.length)).toBeGreaterThan(54.99);
    expect(passphraseBits(lists.fr!.length)).toBeLessThan(55);
  });

  it('contains none of a few words that must never appear', () => {
    const banned = ['merde', 'putain', 'kanker', 'fuck', 'shit', 'police', 'prison', 'politie', 'suicide'];
    for (const l of Object.values(lists)) for (const b of banned) expect(l).not.toContain(b);
  });

  it('contains no word loaded for people who live in the street, in any list', () => {
    const loaded = [
      'flics', 'suspect', 'victime', 'victim', 'coupable', 'tribunal', 'avocat', 'couteau', 'honte', 'faim', 'dette',
      'migrants', 'verdacht', 'slachtoffer', 'rechter', 'boete', 'straf', 'schuld', 'honger', 'pijn', 'arrest',
      'arrested', 'guilty', 'judge', 'knife', 'lawyer', 'shame', 'hungry', 'debt', 'illegal', 'funeral', 'asshole',
    ];
    for (const l of Object.values(lists)) for (const b of loaded) expect(l).not.toContain(b);
  });

  // The strength meter counts such a word as a few bits: a generated phrase holding one would
  // be shown as less than strong (1 phrase in about 5,000 was, with 17 of them in the lists).
  it('contains none of the passwords people pick first', () => {
    for (const [l, words] of Object.entries(lists)) expect(words.filter(isCommonPassword), l).toEqual([]);
  });

  it('contains no common first name', () => {
    const names = ['marie', 'pierre', 'jean', 'louis', 'martin', 'claude', 'julien', 'olivier', 'jack', 'henry', 'rose'];
    for (const l of Object.values(lists)) for (const n of names) expect(l).not.toContain(n);
  });
});

describe('word picker', () => {
  it('picks 5 words from the list', () => {
    const words = pickWords(lists.en!, 5);
    expect(words).toHaveLength(5);
    for (const w of words) expect(lists.en).toContain(w);
  });

  it('never repeats a word in a phrase, even when the random source gives the same number every time', () => {
    const zeros: RandomSource = (out) => out.fill(0);
    const words = pickWords(lists.fr!, 5, zeros);
    expect(new Set(words).size).toBe(5);
    for (let i = 0; i < 200; i++) expect(new Set(pickWords(['a', 'b', 'c', 'd', 'e'], 5)).size).toBe(5);
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
