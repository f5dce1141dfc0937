import { describe, expect, it } from 'vitest';
import { assess, estimateBits } from './strength';
import { parseWordList, pickWords } from './words';
import { readFileSync } from 'node:fs';

const fr = parseWordList(readFileSync(new URL('./wordlists/fr.txt', import.meta.url), 'utf8'));
const en = parseWordList(readFileSync(new URL('./wordlists/en.txt', import.meta.url), 'utf8'));
const dict = new Set([...fr, ...en]);

describe('strength estimator', () => {
  it('refuses the passwords people pick first', () => {
    for (const p of ['password', 'azerty123', '123456789', 'motdepasse', 'Bruxelles2024', 'aaaaaaaaaaaa', 'abcdefghijkl', 'qwertyuiop12']) {
      const s = assess(p, dict);
      expect(s.acceptable, p).toBe(false);
      expect(s.level, p).toBeLessThanOrEqual(1);
    }
  });

  it('refuses short passphrases even with mixed characters', () => {
    expect(assess('K#8q!zP', dict).acceptable).toBe(false);
  });

  it('sees dictionary words, so two common words are weak', () => {
    expect(assess('maison jardin', dict).acceptable).toBe(false);
    expect(estimateBits('maisonjardin', dict)).toBeLessThan(30);
  });

  it('accepts several unrelated words and long random strings', () => {
    expect(assess('cheval tomate voyage piano', dict).acceptable).toBe(true);
    expect(assess('Tq7#vX2!pL9@wR', dict).acceptable).toBe(true);
  });

  it('accepts every generated passphrase as strong', () => {
    for (let i = 0; i < 50; i++) {
      const s = assess(pickWords(fr, 5).join(' '), dict);
      expect(s.acceptable).toBe(true);
      expect(s.level).toBe(3);
    }
  });

  it('ignores accents when matching words', () => {
    expect(estimateBits('étéété', new Set(['etee']))).toBeLessThan(estimateBits('xqzwkv', new Set()));
  });

  it('gives an empty passphrase zero bits and the weakest level', () => {
    expect(assess('', dict)).toMatchObject({ bits: 0, level: 0, acceptable: false });
  });
});
