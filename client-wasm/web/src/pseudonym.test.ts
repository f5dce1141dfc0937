import { describe, expect, it } from 'vitest';
import { generatePseudonym, PSEUDONYM_PARTS } from './pseudonym';

describe('pseudonym generator', () => {
  it.each(['fr', 'nl', 'en'] as const)('%s: lower case, hyphens, a two-digit number', (lang) => {
    for (let i = 0; i < 200; i++) {
      const p = generatePseudonym(lang);
      expect(p).toMatch(/^[a-z]+-[a-z]+-[1-9][0-9]$/);
      expect(p.length).toBeGreaterThanOrEqual(3);
      expect(p.length).toBeLessThanOrEqual(64);
    }
  });

  it('French adjectives agree with the animal', () => {
    const fem = PSEUDONYM_PARTS.fr.animals.filter((a) => a.feminine).map((a) => a.word);
    for (let i = 0; i < 300; i++) {
      const [animal, adj] = generatePseudonym('fr').split('-');
      const pair = PSEUDONYM_PARTS.fr.adjectives.find(([m, f]) => m === adj || f === adj)!;
      expect(pair).toBeDefined();
      if (fem.includes(animal!)) expect(adj).toBe(pair[1]);
      else expect(adj).toBe(pair[0]);
    }
  });

  it('uses the chosen language', () => {
    const p = generatePseudonym('nl');
    expect(PSEUDONYM_PARTS.nl.animals).toContain(p.split('-')[1]);
  });

  it('has enough variety that two people rarely get the same one', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(generatePseudonym('en'));
    expect(seen.size).toBeGreaterThan(180);
  });
});
