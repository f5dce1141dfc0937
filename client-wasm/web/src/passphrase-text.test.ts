import { describe, expect, it } from 'vitest';
import { canonicalPassphrase, loginCandidates, looksGenerated } from './passphrase-text';

describe('passphrase text', () => {
  it('puts a generated passphrase typed with capitals and extra spaces in its generated form', () => {
    expect(canonicalPassphrase('  Maison  jardin Soleil\tpomme   VELO ')).toBe('maison jardin soleil pomme velo');
    expect(canonicalPassphrase('maison\u00a0jardin soleil pomme velo')).toBe('maison jardin soleil pomme velo');
  });

  it('leaves a generated passphrase as it was generated', () => {
    expect(canonicalPassphrase('maison jardin soleil pomme velo')).toBe('maison jardin soleil pomme velo');
  });

  it('keeps the case and spacing of anything that does not have the generated shape', () => {
    expect(canonicalPassphrase('Mon Chat  Mange')).toBe('Mon Chat  Mange');
    expect(canonicalPassphrase('Un deux trois quatre cinq six')).toBe('Un deux trois quatre cinq six');
    expect(canonicalPassphrase('Été jardin soleil pomme velo')).toBe('Été jardin soleil pomme velo');
    expect(canonicalPassphrase('maison1 jardin soleil pomme velo')).toBe('maison1 jardin soleil pomme velo');
    expect(looksGenerated('Mon Chat  Mange')).toBe(false);
  });

  it('trims and normalises to NFC, as the key derivation does', () => {
    expect(canonicalPassphrase(' e\u0301te\u0301 ')).toBe('\u00e9t\u00e9');
  });

  it('tries the canonical form first, then the exact text for a wallet made before the rule', () => {
    expect(loginCandidates('Maison jardin soleil pomme velo')).toEqual([
      'maison jardin soleil pomme velo',
      'Maison jardin soleil pomme velo',
    ]);
    expect(loginCandidates(' maison jardin soleil pomme velo ')).toEqual(['maison jardin soleil pomme velo']);
    expect(loginCandidates('Mon Chat  Mange')).toEqual(['Mon Chat  Mange']);
  });
});
